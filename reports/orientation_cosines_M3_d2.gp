# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 3, d = 2: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.515881469
0.1 0.551967293
0.3 0.646331015
0.5 0.725657765
1 1
2 1
3 1
10 1
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
0.03 0.515881469
0.1 0.551967293
0.3 0.646331015
0.5 0.725657765
1 0.625474024
2 0.890639345
3 0.950752058
10 0.995550816
EOD
$series3 << EOD
0.03 -0.499998958
0.1 -0.499999992
0.3 -0.5
0.5 -0.5
1 -0.5
2 -0.5
3 -0.5
10 -0.5
EOD
$series4 << EOD
0.03 -1
0.1 -1
0.3 -1
0.5 -1
1 0.625474024
2 0.890639345
3 0.950752058
10 0.995550816
EOD
$series5 << EOD
0.03 -0.500001042
0.1 -0.500000008
0.3 -0.5
0.5 -0.5
1 -0.5
2 -0.5
3 -0.5
10 -0.5
EOD
$series6 << EOD
0.800525188 -1
0.800525188 1
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with lines lt 1 dt 2 title "ETF, j = 1", \
     $series2 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series3 using 1:2 with lines lt 2 dt 2 title "ETF, j = 2", \
     $series4 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series5 using 1:2 with lines lt 3 dt 2 title "ETF, j = 3", \
     $series6 using 1:2 with lines lc rgb "black" dt 3 title "pattern changes (bisection)"
