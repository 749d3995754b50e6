# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "best of M = 2 in d = 2"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
0.214719783 -0.976675696
-0.214719783 0.976675696
EOD
set parametric
set trange [0:2*pi]
set grid
plot cos(t), sin(t) with lines lc rgb "#a0a0a0", \
     $directions using (0):(0):1:2 with vectors head filled lw 2 lc rgb "#1f77b4"
