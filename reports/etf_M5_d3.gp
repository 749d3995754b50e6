# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "best of M = 5 in d = 3"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
-0.550996779 -0.825831889 0.120017665
0.37058544 0.545675586 0.751601348
0.132515213 0.20963074 -0.968759346
0.910108617 -0.272859101 0.31184967
-0.596765964 0.734246455 0.323654952
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
