# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 7, d = 8: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.0355615955
0.1 0.117549615
0.3 0.330600808
0.5 0.498656576
1 0.749181346
2 0.914350355
3 0.959187403
10 0.996128428
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
0.03 0.0355615955
0.1 0.117549615
0.3 0.330600808
0.5 0.498656576
1 0.749181346
2 0.914350355
3 0.959187403
10 0.996128428
EOD
$series3 << EOD
0.03 -0.166666165
0.1 -0.166666654
0.3 -0.166666666
0.5 -0.166666665
1 -0.166666667
2 -0.166666667
3 -0.166666667
10 -0.166666667
EOD
$series4 << EOD
0.03 0.0355615955
0.1 0.117549615
0.3 0.330600808
0.5 0.498656576
1 0.749181346
2 0.914350355
3 0.959187403
10 0.996128428
EOD
$series5 << EOD
0.03 -0.166666459
0.1 -0.166666663
0.3 -0.166666666
0.5 -0.166666666
1 -0.166666667
2 -0.166666667
3 -0.166666667
10 -0.166666667
EOD
$series6 << EOD
0.03 0.0355615955
0.1 0.117549615
0.3 0.330600808
0.5 0.498656576
1 0.749181346
2 0.914350355
3 0.959187403
10 0.996128428
EOD
$series7 << EOD
0.03 -0.166666505
0.1 -0.166666669
0.3 -0.166666666
0.5 -0.166666667
1 -0.166666667
2 -0.166666667
3 -0.166666667
10 -0.166666667
EOD
$series8 << EOD
0.03 0.0355615955
0.1 0.117549615
0.3 0.330600808
0.5 0.498656576
1 0.749181346
2 0.914350355
3 0.959187403
10 0.996128428
EOD
$series9 << EOD
0.03 -0.166666783
0.1 -0.166666669
0.3 -0.166666667
0.5 -0.166666667
1 -0.166666667
2 -0.166666667
3 -0.166666667
10 -0.166666667
EOD
$series10 << EOD
0.03 0.0355615955
0.1 0.117549615
0.3 0.330600808
0.5 0.498656576
1 0.749181346
2 0.914350355
3 0.959187403
10 0.996128428
EOD
$series11 << EOD
0.03 -0.166666976
0.1 -0.166666671
0.3 -0.166666667
0.5 -0.166666668
1 -0.166666667
2 -0.166666667
3 -0.166666667
10 -0.166666667
EOD
$series12 << EOD
0.03 0.0355615955
0.1 0.117549615
0.3 0.330600808
0.5 0.498656576
1 0.749181346
2 0.914350355
3 0.959187403
10 0.996128428
EOD
$series13 << EOD
0.03 -0.166667112
0.1 -0.166666673
0.3 -0.166666667
0.5 -0.166666668
1 -0.166666667
2 -0.166666667
3 -0.166666667
10 -0.166666667
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with lines lt 1 dt 2 title "ETF, j = 1", \
     $series2 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series3 using 1:2 with lines lt 2 dt 2 title "ETF, j = 2", \
     $series4 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series5 using 1:2 with lines lt 3 dt 2 title "ETF, j = 3", \
     $series6 using 1:2 with linespoints lt 4 pt 7 title "optimum, j = 4", \
     $series7 using 1:2 with lines lt 4 dt 2 title "ETF, j = 4", \
     $series8 using 1:2 with linespoints lt 5 pt 7 title "optimum, j = 5", \
     $series9 using 1:2 with lines lt 5 dt 2 title "ETF, j = 5", \
     $series10 using 1:2 with linespoints lt 6 pt 7 title "optimum, j = 6", \
     $series11 using 1:2 with lines lt 6 dt 2 title "ETF, j = 6", \
     $series12 using 1:2 with linespoints lt 7 pt 7 title "optimum, j = 7", \
     $series13 using 1:2 with lines lt 7 dt 2 title "ETF, j = 7"
