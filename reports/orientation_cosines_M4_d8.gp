# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 4, d = 8: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.0438826271
0.1 0.143701384
0.3 0.38412507
0.5 0.554459629
1 0.787233586
2 0.929745407
3 0.966876511
10 0.996888664
EOD
$series1 << EOD
0.03 1
0.1 1
0.3 1
0.5 1
1 1
2 1
3 1
10 1
EOD
$series2 << EOD
0.03 0.0438826271
0.1 0.143701384
0.3 0.38412507
0.5 0.554459629
1 0.787233586
2 0.929745407
3 0.966876511
10 0.996888664
EOD
$series3 << EOD
0.03 -0.333333333
0.1 -0.333333333
0.3 -0.333333333
0.5 -0.333333333
1 -0.333333333
2 -0.333333333
3 -0.333333333
10 -0.333333333
EOD
$series4 << EOD
0.03 0.0438826271
0.1 0.143701384
0.3 0.38412507
0.5 0.554459629
1 0.787233586
2 0.929745407
3 0.966876511
10 0.996888664
EOD
$series5 << EOD
0.03 -0.333333333
0.1 -0.333333333
0.3 -0.333333333
0.5 -0.333333333
1 -0.333333333
2 -0.333333333
3 -0.333333333
10 -0.333333333
EOD
$series6 << EOD
0.03 0.0438826271
0.1 0.143701384
0.3 0.38412507
0.5 0.554459629
1 0.787233586
2 0.929745407
3 0.966876511
10 0.996888664
EOD
$series7 << EOD
0.03 -0.333333333
0.1 -0.333333333
0.3 -0.333333333
0.5 -0.333333334
1 -0.333333333
2 -0.333333333
3 -0.333333333
10 -0.333333333
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with lines lt 1 dt 2 title "ETF, j = 1", \
     $series2 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series3 using 1:2 with lines lt 2 dt 2 title "ETF, j = 2", \
     $series4 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series5 using 1:2 with lines lt 3 dt 2 title "ETF, j = 3", \
     $series6 using 1:2 with linespoints lt 4 pt 7 title "optimum, j = 4", \
     $series7 using 1:2 with lines lt 4 dt 2 title "ETF, j = 4"
