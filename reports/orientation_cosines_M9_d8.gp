# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 9, d = 8: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 1
0.1 1
0.3 1
0.5 1
1 1
2 0.913143663
3 0.957755052
10 0.995962285
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
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.913143663
3 0.957755052
10 0.995962285
EOD
$series3 << EOD
0.03 -0.124998961
0.1 -0.124999973
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series4 << EOD
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.913143663
3 0.957755052
10 0.995962285
EOD
$series5 << EOD
0.03 -0.124999748
0.1 -0.124999978
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series6 << EOD
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.913143663
3 0.957755052
10 0.995962285
EOD
$series7 << EOD
0.03 -0.124999834
0.1 -0.124999992
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series8 << EOD
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.909525504
3 0.957361071
10 0.995959846
EOD
$series9 << EOD
0.03 -0.125000006
0.1 -0.124999993
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series10 << EOD
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.909525504
3 0.957361071
10 0.995959846
EOD
$series11 << EOD
0.03 -0.125000041
0.1 -0.125000002
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series12 << EOD
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.909525504
3 0.957361071
10 0.995959846
EOD
$series13 << EOD
0.03 -0.125000397
0.1 -0.12500001
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series14 << EOD
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.909525504
3 0.957361071
10 0.995959846
EOD
$series15 << EOD
0.03 -0.125000468
0.1 -0.125000023
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series16 << EOD
0.03 -0.0970816653
0.1 -0.0308277087
0.3 0.163172744
0.5 0.351089798
1 0.678566679
2 0.909525504
3 0.957361071
10 0.995959846
EOD
$series17 << EOD
0.03 -0.125000544
0.1 -0.125000028
0.3 -0.125
0.5 -0.125
1 -0.125
2 -0.125
3 -0.125
10 -0.125
EOD
$series18 << EOD
1.03302813 -1
1.03302813 1
EOD
$series19 << EOD
1.26414919 -1
1.26414919 1
EOD
$series20 << EOD
1.45399904 -1
1.45399904 1
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
     $series15 using 1:2 with lines lt 8 dt 2 title "ETF, j = 8", \
     $series16 using 1:2 with linespoints lt 9 pt 7 title "optimum, j = 9", \
     $series17 using 1:2 with lines lt 9 dt 2 title "ETF, j = 9", \
     $series18 using 1:2 with lines lc rgb "black" dt 3 title "pattern changes (bisection)", \
     $series19 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series20 using 1:2 with lines lc rgb "black" dt 3 title ""
