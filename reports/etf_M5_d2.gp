# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "best of M = 5 in d = 2"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
-0.516023532 0.856574407
0.65519063 0.755463591
-0.0860099968 -0.996294274
-0.974110712 -0.226071494
0.920953611 -0.38967223
EOD
set parametric
set trange [0:2*pi]
set grid
plot cos(t), sin(t) with lines lc rgb "#a0a0a0", \
     $directions using (0):(0):1:2 with vectors head filled lw 2 lc rgb "#1f77b4"
