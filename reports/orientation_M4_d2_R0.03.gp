# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 4, d = 2, R = 0.03 (orange: negative scale)"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
0.864754415 0.502194983
0.260335663 -0.965518173
-0.965518173 0.260335663
0.502194983 0.864754415
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
