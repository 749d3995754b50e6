# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 4, d = 2: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.966579189
0.1 0.954671216
0.3 0.926147962
0.5 0.912553571
1 0.998517542
2 0.986516832
3 0.993964739
10 0.999455365
EOD
$series1 << EOD
0.03 0.966579189
0.1 0.954671216
0.3 0.926147962
0.5 0.912553571
1 0.761753233
2 0.986516832
3 0.993964739
10 0.999455365
EOD
$series2 << EOD
0.03 -0.498639335
0.1 -0.468417392
0.3 -0.385500206
0.5 -0.304033892
1 0.604843582
2 0.833542308
3 0.926696135
10 0.993489755
EOD
$series3 << EOD
0.03 -0.498639335
0.1 -0.468417392
0.3 -0.385500206
0.5 -0.304033892
1 -0.891728943
2 0.833542308
3 0.926696135
10 0.993489755
EOD
$series4 << EOD
0.590625286 -1
0.590625286 1
EOD
$series5 << EOD
1.06747103 -1
1.06747103 1
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series2 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series3 using 1:2 with linespoints lt 4 pt 7 title "optimum, j = 4", \
     $series4 using 1:2 with lines lc rgb "black" dt 3 title "pattern changes (bisection)", \
     $series5 using 1:2 with lines lc rgb "black" dt 3 title ""
