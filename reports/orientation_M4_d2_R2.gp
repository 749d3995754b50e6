# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 4, d = 2, R = 2 (orange: negative scale)"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
0.813297718 0.581847766
0.581847766 0.813297718
0.980048539 0.198758298
0.198758298 0.980048539
EOD
$reference << EOD
0.707106781 0.707106781
EOD
set label 1 "mean" at 0.791959595, 0.791959595 center textcolor rgb "#d62728" front
set parametric
set trange [0:2*pi]
set grid
plot cos(t), sin(t) with lines lc rgb "#a0a0a0", \
     $directions using (0):(0):1:2 with vectors head filled lw 2 lc rgb "#1f77b4", \
     $reference using (0):(0):1:2 with vectors head filled lw 2 dt 2 lc rgb "#d62728"
