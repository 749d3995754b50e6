# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 520,520 dynamic noenhanced font "sans,11"
set encoding utf8
set title "best of M = 6 in d = 3"
unset key
set size ratio -1
set xrange [-1.2:1.2]
set yrange [-1.2:1.2]
$directions << EOD
0.47480253 -0.774761444 -0.417501212
-0.940392798 0.0194879162 0.339531451
-0.565420562 0.682122499 -0.463690073
0.309218252 0.191249399 -0.931561989
0.604605493 0.45247445 0.65552961
-0.297499571 -0.880915878 0.368077737
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
