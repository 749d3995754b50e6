# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "sup-deviation of the cross term against N (geometric mean over replicates)"
set xlabel "N (target width)"
set ylabel "sup_v |(1/N) sum a_i K(w_i,v) - E~(v)|"
set logscale x
set format x "1e%L"
set logscale y
set format y "1e%L"
set grid
set key outside right top font ",9"
$series0 << EOD
100 0.022671429
1000 0.0095480058
10000 0.00174280473
100000 0.000986152761
EOD
$series1 << EOD
100 0.0315963251
1000 0.009553913
10000 0.00269272194
100000 0.000912709856
EOD
$series2 << EOD
100 0.0255737352
1000 0.00989680585
10000 0.00264281301
100000 0.000962286522
EOD
$series3 << EOD
100 0.0274401386
1000 0.00871413616
10000 0.00286655538
100000 0.000827505757
EOD
$series4 << EOD
100 0.027772333
1000 0.00843790755
10000 0.00265963467
100000 0.000866737861
EOD
$series5 << EOD
100 0.0267620134
1000 0.00850238121
10000 0.00263551142
100000 0.000820177809
EOD
$series6 << EOD
100 0.0281006786
1000 0.00628303263
10000 0.00377394727
100000 0.00260948809
EOD
$series7 << EOD
100 0.03145016
1000 0.00674430213
10000 0.00213653824
100000 0.00125506918
EOD
$series8 << EOD
100 0.0241130976
1000 0.00807282934
10000 0.00239624896
100000 0.000973210594
EOD
$series9 << EOD
100 0.0217055417
1000 0.00758313218
10000 0.00235380712
100000 0.000728459458
EOD
$series10 << EOD
100 0.0265367226
1000 0.00817135163
10000 0.00238498903
100000 0.000795471416
EOD
$series11 << EOD
100 0.0256050523
1000 0.00794781456
10000 0.00246692804
100000 0.000789978736
EOD
$series12 << EOD
100 0.0207635691
1000 0.00865838173
10000 0.00267716923
100000 0.00123898178
EOD
$series13 << EOD
100 0.0278665054
1000 0.00802254592
10000 0.00242091217
100000 0.000986169848
EOD
$series14 << EOD
100 0.028601033
1000 0.00909944341
10000 0.00240615751
100000 0.000958055929
EOD
$series15 << EOD
100 0.0267661208
1000 0.00956656145
10000 0.00277740285
100000 0.000870815196
EOD
$series16 << EOD
100 0.0267842869
1000 0.00691887025
10000 0.00260510904
100000 0.000815804797
EOD
$series17 << EOD
100 0.0245838012
1000 0.00806885876
10000 0.00262365277
100000 0.000822170198
EOD
plot $series0 using 1:2 with linespoints lt 1 dt 1 pt 5 title "gaussian, d = 2: slope -0.48", \
     $series1 using 1:2 with linespoints lt 2 dt 1 pt 5 title "gaussian, d = 4: slope -0.52", \
     $series2 using 1:2 with linespoints lt 3 dt 1 pt 5 title "gaussian, d = 8: slope -0.48", \
     $series3 using 1:2 with linespoints lt 4 dt 1 pt 5 title "gaussian, d = 16: slope -0.50", \
     $series4 using 1:2 with linespoints lt 5 dt 1 pt 5 title "gaussian, d = 32: slope -0.50", \
     $series5 using 1:2 with linespoints lt 6 dt 1 pt 5 title "gaussian, d = 64: slope -0.50", \
     $series6 using 1:2 with linespoints lt 1 dt 2 pt 6 title "rademacher, d = 2: slope -0.33", \
     $series7 using 1:2 with linespoints lt 2 dt 2 pt 6 title "rademacher, d = 4: slope -0.47", \
     $series8 using 1:2 with linespoints lt 3 dt 2 pt 6 title "rademacher, d = 8: slope -0.47", \
     $series9 using 1:2 with linespoints lt 4 dt 2 pt 6 title "rademacher, d = 16: slope -0.49", \
     $series10 using 1:2 with linespoints lt 5 dt 2 pt 6 title "rademacher, d = 32: slope -0.51", \
     $series11 using 1:2 with linespoints lt 6 dt 2 pt 6 title "rademacher, d = 64: slope -0.50", \
     $series12 using 1:2 with linespoints lt 1 dt 3 pt 7 title "uniform, d = 2: slope -0.42", \
     $series13 using 1:2 with linespoints lt 2 dt 3 pt 7 title "uniform, d = 4: slope -0.49", \
     $series14 using 1:2 with linespoints lt 3 dt 3 pt 7 title "uniform, d = 8: slope -0.50", \
     $series15 using 1:2 with linespoints lt 4 dt 3 pt 7 title "uniform, d = 16: slope -0.50", \
     $series16 using 1:2 with linespoints lt 5 dt 3 pt 7 title "uniform, d = 32: slope -0.50", \
     $series17 using 1:2 with linespoints lt 6 dt 3 pt 7 title "uniform, d = 64: slope -0.49"
