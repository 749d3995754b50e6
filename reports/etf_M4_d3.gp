# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "best of M = 4 in d = 3"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
0.194032497 -0.980834925 0.0177268021
0.173173561 0.390445988 0.904191821
-0.957642917 0.14591526 -0.248251446
0.590436859 0.444473678 -0.673667176
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
