# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 5, d = 8: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.0394321594
0.1 0.12986058
0.3 0.357247154
0.5 0.527503979
1 0.769615202
2 0.922789023
3 0.963427803
10 0.996550086
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
0.03 0.0394321594
0.1 0.12986058
0.3 0.357247154
0.5 0.527503979
1 0.769615202
2 0.922789023
3 0.963427803
10 0.996550086
EOD
$series3 << EOD
0.03 -0.249999964
0.1 -0.25
0.3 -0.249999999
0.5 -0.25
1 -0.25
2 -0.25
3 -0.25
10 -0.25
EOD
$series4 << EOD
0.03 0.0394321594
0.1 0.12986058
0.3 0.357247154
0.5 0.527503979
1 0.769615202
2 0.922789023
3 0.963427803
10 0.996550086
EOD
$series5 << EOD
0.03 -0.249999999
0.1 -0.25
0.3 -0.25
0.5 -0.25
1 -0.25
2 -0.25
3 -0.25
10 -0.25
EOD
$series6 << EOD
0.03 0.0394321594
0.1 0.12986058
0.3 0.357247154
0.5 0.527503979
1 0.769615202
2 0.922789023
3 0.963427803
10 0.996550086
EOD
$series7 << EOD
0.03 -0.250000015
0.1 -0.25
0.3 -0.25
0.5 -0.25
1 -0.25
2 -0.25
3 -0.25
10 -0.25
EOD
$series8 << EOD
0.03 0.0394321594
0.1 0.12986058
0.3 0.357247154
0.5 0.527503979
1 0.769615202
2 0.922789023
3 0.963427803
10 0.996550086
EOD
$series9 << EOD
0.03 -0.250000022
0.1 -0.25
0.3 -0.250000001
0.5 -0.25
1 -0.25
2 -0.25
3 -0.25
10 -0.25
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
     $series9 using 1:2 with lines lt 5 dt 2 title "ETF, j = 5"
