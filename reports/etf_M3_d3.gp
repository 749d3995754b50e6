# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "best of M = 3 in d = 3"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
0.573685468 -0.53410749 -0.6209784
0.251307718 0.0850941073 0.964159439
-0.824993186 0.449013383 -0.343181039
EOD
set view equal xyz
set view 60, 35
set zrange [-1.2:1.2]
set xyplane 0
unset tics
unset border
set parametric
set isosamples 13, 13
set urange [0:2*pi]
set vrange [-pi/2:pi/2]
splot cos(u)*cos(v), sin(u)*cos(v), sin(v) with lines lc rgb "#d0d0d0", \
      $directions using (0):(0):(0):1:2:3 with vectors head filled lw 2 lc rgb "#1f77b4"
