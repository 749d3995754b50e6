# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 8, d = 8: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
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
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
EOD
$series3 << EOD
0.03 -0.142856563
0.1 -0.142857134
0.3 -0.142857143
0.5 -0.142857143
1 -0.142857143
2 -0.142857143
3 -0.142857143
10 -0.142857143
EOD
$series4 << EOD
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
EOD
$series5 << EOD
0.03 -0.14285691
0.1 -0.142857141
0.3 -0.142857143
0.5 -0.142857143
1 -0.142857143
2 -0.142857143
3 -0.142857143
10 -0.142857143
EOD
$series6 << EOD
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
EOD
$series7 << EOD
0.03 -0.142857057
0.1 -0.142857142
0.3 -0.142857143
0.5 -0.142857143
1 -0.142857143
2 -0.142857143
3 -0.142857143
10 -0.142857143
EOD
$series8 << EOD
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
EOD
$series9 << EOD
0.03 -0.142857094
0.1 -0.142857144
0.3 -0.142857143
0.5 -0.142857143
1 -0.142857143
2 -0.142857143
3 -0.142857143
10 -0.142857143
EOD
$series10 << EOD
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
EOD
$series11 << EOD
0.03 -0.142857154
0.1 -0.142857145
0.3 -0.142857143
0.5 -0.142857143
1 -0.142857143
2 -0.142857143
3 -0.142857143
10 -0.142857143
EOD
$series12 << EOD
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
EOD
$series13 << EOD
0.03 -0.142857473
0.1 -0.142857147
0.3 -0.142857143
0.5 -0.142857143
1 -0.142857143
2 -0.142857143
3 -0.142857143
10 -0.142857143
EOD
$series14 << EOD
0.03 0.034542613
0.1 0.114273534
0.3 0.323073837
0.5 0.490088769
1 0.742746186
2 0.911601193
3 0.957791627
10 0.995988249
EOD
$series15 << EOD
0.03 -0.142857748
0.1 -0.142857147
0.3 -0.142857143
0.5 -0.142857143
1 -0.142857143
2 -0.142857143
3 -0.142857143
10 -0.142857143
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
     $series13 using 1:2 with lines lt 7 dt 2 title "ETF, j = 7", \
     $series14 using 1:2 with linespoints lt 8 pt 7 title "optimum, j = 8", \
     $series15 using 1:2 with lines lt 8 dt 2 title "ETF, j = 8"
