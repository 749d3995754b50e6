# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 2, d = 2: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.180590121
0.1 0.327118701
0.3 0.549170932
0.5 0.680409549
1 0.850844418
2 0.952629862
3 0.978070778
10 0.997971612
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
0.03 0.180590121
0.1 0.327118701
0.3 0.549170932
0.5 0.680409549
1 0.850844418
2 0.952629862
3 0.978070778
10 0.997971612
EOD
$series3 << EOD
0.03 -1
0.1 -1
0.3 -1
0.5 -1
1 -1
2 -1
3 -1
10 -1
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with lines lt 1 dt 2 title "ETF, j = 1", \
     $series2 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series3 using 1:2 with lines lt 2 dt 2 title "ETF, j = 2"
