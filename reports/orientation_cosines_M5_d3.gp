# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 5, d = 3: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 1
0.1 1
0.3 0.530106545
0.5 0.632100426
1 1
2 1
3 1
10 1
EOD
$series1 << EOD
0.03 0.430818194
0.1 0.45226934
0.3 0.530106545
0.5 0.632100426
1 0.661006031
2 0.894208796
3 0.951290201
10 0.995520373
EOD
$series2 << EOD
0.03 0.430818194
0.1 0.45226934
0.3 0.530106545
0.5 0.632100426
1 0.661006031
2 0.894208796
3 0.951290201
10 0.995520373
EOD
$series3 << EOD
0.03 -0.546997252
0.1 -0.50484408
0.3 0.530106545
0.5 0.632100426
1 0.661006031
2 0.894208796
3 0.951290201
10 0.995520373
EOD
$series4 << EOD
0.03 -0.546997252
0.1 -0.50484408
0.3 -1
0.5 -1
1 0.661006031
2 0.894208796
3 0.951290201
10 0.995520373
EOD
$series5 << EOD
0.134502792 -1
0.134502792 1
EOD
$series6 << EOD
0.239499283 -1
0.239499283 1
EOD
$series7 << EOD
0.239513779 -1
0.239513779 1
EOD
$series8 << EOD
0.239559555 -1
0.239559555 1
EOD
$series9 << EOD
0.677925587 -1
0.677925587 1
EOD
$series10 << EOD
0.858020306 -1
0.858020306 1
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series2 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series3 using 1:2 with linespoints lt 4 pt 7 title "optimum, j = 4", \
     $series4 using 1:2 with linespoints lt 5 pt 7 title "optimum, j = 5", \
     $series5 using 1:2 with lines lc rgb "black" dt 3 title "pattern changes (bisection)", \
     $series6 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series7 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series8 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series9 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series10 using 1:2 with lines lc rgb "black" dt 3 title ""
