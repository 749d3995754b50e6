# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 6, d = 4: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.808268697
0.1 0.480244029
0.3 0.597431317
0.5 0.912087961
1 1
2 0.923813854
3 0.963953058
10 0.996602581
EOD
$series1 << EOD
0.03 0.808268697
0.1 0.480244029
0.3 0.597431317
0.5 0.912087961
1 0.706156919
2 0.923813854
3 0.963953058
10 0.996602581
EOD
$series2 << EOD
0.03 -0.288949098
0.1 0.480244029
0.3 0.597431317
0.5 0.141386599
1 0.706156919
2 0.923813854
3 0.963953058
10 0.996602581
EOD
$series3 << EOD
0.03 -0.288949098
0.1 0.480244029
0.3 0.597431317
0.5 0.141386599
1 0.637273149
2 0.923813854
3 0.963953058
10 0.996602581
EOD
$series4 << EOD
0.03 -0.288949098
0.1 -0.559220734
0.3 -0.436298109
0.5 0.141386599
1 0.637273149
2 0.923813854
3 0.963953058
10 0.996602581
EOD
$series5 << EOD
0.03 -0.288949098
0.1 -0.559220734
0.3 -0.436298109
0.5 0.141386599
1 0.637273149
2 0.923813854
3 0.963953058
10 0.996602581
EOD
$series6 << EOD
0.0450275803 -1
0.0450275803 1
EOD
$series7 << EOD
0.067994194 -1
0.067994194 1
EOD
$series8 << EOD
0.316871262 -1
0.316871262 1
EOD
$series9 << EOD
0.750347614 -1
0.750347614 1
EOD
$series10 << EOD
0.770387173 -1
0.770387173 1
EOD
$series11 << EOD
1.31249285 -1
1.31249285 1
EOD
$series12 << EOD
1.48564482 -1
1.48564482 1
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series2 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series3 using 1:2 with linespoints lt 4 pt 7 title "optimum, j = 4", \
     $series4 using 1:2 with linespoints lt 5 pt 7 title "optimum, j = 5", \
     $series5 using 1:2 with linespoints lt 6 pt 7 title "optimum, j = 6", \
     $series6 using 1:2 with lines lc rgb "black" dt 3 title "pattern changes (bisection)", \
     $series7 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series8 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series9 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series10 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series11 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series12 using 1:2 with lines lc rgb "black" dt 3 title ""
