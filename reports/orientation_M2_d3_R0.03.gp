# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 2, d = 3, R = 0.03 (orange: negative scale)"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
-0.285948808 -0.303921163 0.908771262
0.498549669 0.516522023 -0.696170401
EOD
$reference << EOD
0.577350269 0.577350269 0.577350269
EOD
set label 1 "mean" at 0.646632301, 0.646632301, 0.646632301 center textcolor rgb "#d62728" front
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
      $directions using (0):(0):(0):1:2:3 with vectors head filled lw 2 lc rgb "#1f77b4", \
      $reference using (0):(0):(0):1:2:3 with vectors head filled lw 2 dt 2 lc rgb "#d62728"
