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
100 0.0281956912
1000 0.00989531645
10000 0.00285199358
EOD
$series1 << EOD
100 0.0422486525
1000 0.0133600661
10000 0.00316441983
EOD
$series2 << EOD
100 0.027653019
1000 0.00916249314
10000 0.00385003952
EOD
$series3 << EOD
100 0.0329932179
1000 0.0105468747
10000 0.00337575656
EOD
$series4 << EOD
100 0.0463673912
1000 0.0201623296
10000 0.0197636718
EOD
$series5 << EOD
100 0.033820305
1000 0.0124552386
10000 0.00518741583
EOD
$series6 << EOD
100 0.0284309108
1000 0.0100233956
10000 0.00433019035
EOD
$series7 << EOD
100 0.0291747067
1000 0.00862036492
10000 0.00322880316
EOD
$series8 << EOD
100 0.0235187233
1000 0.0120910775
10000 0.00438107628
EOD
$series9 << EOD
100 0.037121273
1000 0.00908644015
10000 0.00374138565
EOD
$series10 << EOD
100 0.0381961782
1000 0.00971028889
10000 0.00355644101
EOD
$series11 << EOD
100 0.0379747998
1000 0.0098438118
10000 0.00348885104
EOD
plot $series0 using 1:2 with linespoints lt 1 dt 1 pt 5 title "gaussian/mean=1, d = 2: slope -0.50", \
     $series1 using 1:2 with linespoints lt 2 dt 1 pt 5 title "gaussian/mean=1, d = 4: slope -0.56", \
     $series2 using 1:2 with linespoints lt 3 dt 1 pt 5 title "gaussian/mean=1, d = 8: slope -0.43", \
     $series3 using 1:2 with linespoints lt 4 dt 1 pt 5 title "gaussian/mean=1, d = 16: slope -0.50", \
     $series4 using 1:2 with linespoints lt 1 dt 2 pt 6 title "rademacher/mean=1, d = 2: slope -0.19", \
     $series5 using 1:2 with linespoints lt 2 dt 2 pt 6 title "rademacher/mean=1, d = 4: slope -0.41", \
     $series6 using 1:2 with linespoints lt 3 dt 2 pt 6 title "rademacher/mean=1, d = 8: slope -0.41", \
     $series7 using 1:2 with linespoints lt 4 dt 2 pt 6 title "rademacher/mean=1, d = 16: slope -0.48", \
     $series8 using 1:2 with linespoints lt 1 dt 3 pt 7 title "uniform/mean=1, d = 2: slope -0.36", \
     $series9 using 1:2 with linespoints lt 2 dt 3 pt 7 title "uniform/mean=1, d = 4: slope -0.50", \
     $series10 using 1:2 with linespoints lt 3 dt 3 pt 7 title "uniform/mean=1, d = 8: slope -0.52", \
     $series11 using 1:2 with linespoints lt 4 dt 3 pt 7 title "uniform/mean=1, d = 16: slope -0.52"
