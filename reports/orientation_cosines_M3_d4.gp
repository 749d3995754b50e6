# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 3, d = 4: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.0537233895
0.1 0.17235763
0.3 0.427476248
0.5 0.591595073
1 0.80783751
2 0.937699252
3 0.970840411
10 0.997278144
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
0.03 0.0537233895
0.1 0.17235763
0.3 0.427476248
0.5 0.591595073
1 0.80783751
2 0.937699252
3 0.970840411
10 0.997278144
EOD
$series3 << EOD
0.03 -0.5
0.1 -0.5
0.3 -0.499999996
0.5 -0.5
1 -0.5
2 -0.5
3 -0.5
10 -0.5
EOD
$series4 << EOD
0.03 0.0537233895
0.1 0.17235763
0.3 0.427476248
0.5 0.591595073
1 0.80783751
2 0.937699252
3 0.970840411
10 0.997278144
EOD
$series5 << EOD
0.03 -0.5
0.1 -0.5
0.3 -0.500000004
0.5 -0.5
1 -0.5
2 -0.5
3 -0.5
10 -0.5
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with lines lt 1 dt 2 title "ETF, j = 1", \
     $series2 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series3 using 1:2 with lines lt 2 dt 2 title "ETF, j = 2", \
     $series4 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series5 using 1:2 with lines lt 3 dt 2 title "ETF, j = 3"
