# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "M = 10, d = 8: cosines of the directions with the mean, sorted"
set xlabel "R = |mu|/tau"
set ylabel "<u_j, mu>/|mu|"
set logscale x
set format x "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
0.03 0.20988029
0.1 0.40831437
0.3 0.753802743
0.5 0.900967823
1 1
2 0.913073324
3 0.957605668
10 0.995938308
EOD
$series1 << EOD
0.03 0.20988029
0.1 0.40831437
0.3 0.753802743
0.5 0.900967823
1 0.687301389
2 0.913073324
3 0.957605668
10 0.995938308
EOD
$series2 << EOD
0.03 0.20988029
0.1 0.40831437
0.3 0.383136344
0.5 0.309304722
1 0.687301389
2 0.913073324
3 0.957605668
10 0.995938308
EOD
$series3 << EOD
0.03 0.20988029
0.1 0.273160122
0.3 0.383136344
0.5 0.309304722
1 0.687301389
2 0.913073324
3 0.957605668
10 0.995938308
EOD
$series4 << EOD
0.03 0.20988029
0.1 0.273160122
0.3 0.383136344
0.5 0.309304722
1 0.687301389
2 0.913073324
3 0.957605668
10 0.995938308
EOD
$series5 << EOD
0.03 0.20988029
0.1 0.273160122
0.3 0.383136344
0.5 0.309304722
1 0.676406361
2 0.913073324
3 0.957605668
10 0.995938308
EOD
$series6 << EOD
0.03 0.20988029
0.1 0.273160122
0.3 -0.0816124279
0.5 0.309304722
1 0.676406361
2 0.907241582
3 0.956874393
10 0.995933633
EOD
$series7 << EOD
0.03 0.20988029
0.1 -0.423604331
0.3 -0.0816124279
0.5 0.309304722
1 0.676406361
2 0.907241582
3 0.956874393
10 0.995933633
EOD
$series8 << EOD
0.03 -0.666777724
0.1 -0.423604331
0.3 -0.0816124279
0.5 0.309304722
1 0.676406361
2 0.907241582
3 0.956874393
10 0.995933633
EOD
$series9 << EOD
0.03 -0.666777724
0.1 -0.423604331
0.3 -0.0816124279
0.5 0.309304722
1 0.676406361
2 0.907241582
3 0.956874393
10 0.995933633
EOD
$series10 << EOD
0.0792206192 -1
0.0792206192 1
EOD
$series11 << EOD
0.142084122 -1
0.142084122 1
EOD
$series12 << EOD
0.254724503 -1
0.254724503 1
EOD
$series13 << EOD
0.25514946 -1
0.25514946 1
EOD
$series14 << EOD
0.278712845 -1
0.278712845 1
EOD
$series15 << EOD
0.278713608 -1
0.278713608 1
EOD
$series16 << EOD
0.278714371 -1
0.278714371 1
EOD
$series17 << EOD
0.282888412 -1
0.282888412 1
EOD
$series18 << EOD
0.607059002 -1
0.607059002 1
EOD
$series19 << EOD
0.673596859 -1
0.673596859 1
EOD
$series20 << EOD
1.10245275 -1
1.10245275 1
EOD
$series21 << EOD
1.44680166 -1
1.44680166 1
EOD
$series22 << EOD
1.59372854 -1
1.59372854 1
EOD
plot $series0 using 1:2 with linespoints lt 1 pt 7 title "optimum, j = 1", \
     $series1 using 1:2 with linespoints lt 2 pt 7 title "optimum, j = 2", \
     $series2 using 1:2 with linespoints lt 3 pt 7 title "optimum, j = 3", \
     $series3 using 1:2 with linespoints lt 4 pt 7 title "optimum, j = 4", \
     $series4 using 1:2 with linespoints lt 5 pt 7 title "optimum, j = 5", \
     $series5 using 1:2 with linespoints lt 6 pt 7 title "optimum, j = 6", \
     $series6 using 1:2 with linespoints lt 7 pt 7 title "optimum, j = 7", \
     $series7 using 1:2 with linespoints lt 8 pt 7 title "optimum, j = 8", \
     $series8 using 1:2 with linespoints lt 9 pt 7 title "optimum, j = 9", \
     $series9 using 1:2 with linespoints lt 10 pt 7 title "optimum, j = 10", \
     $series10 using 1:2 with lines lc rgb "black" dt 3 title "pattern changes (bisection)", \
     $series11 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series12 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series13 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series14 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series15 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series16 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series17 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series18 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series19 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series20 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series21 using 1:2 with lines lc rgb "black" dt 3 title "", \
     $series22 using 1:2 with lines lc rgb "black" dt 3 title ""
