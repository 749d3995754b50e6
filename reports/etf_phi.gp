# Rendered by twolayer with gnuplot: gnuplot this.gp > this.svg
set terminal svg size 900,560 dynamic noenhanced font "sans,11"
set encoding utf8
set title "Phi(U) = 1'K(U)^-1 1: best found per d, and Phi_ETF(M)"
set xlabel "M (points offset by d)"
set ylabel "Phi"
set grid
set key outside right top font ",9"
$series0 << EOD
2 0.636619772
3 0.784017355
4 0.844049178
5 0.877738115
6 0.89939735
7 0.914515747
8 0.925674459
9 0.934251715
EOD
$series1 << EOD
1.88 0.636619772
2.88 0.784017355
3.88 0.784424309
4.88 0.785224947
EOD
$series2 << EOD
1.92 0.636619772
2.92 0.784017355
3.92 0.844049178
4.92 0.845203513
5.92 0.84680559
EOD
$series3 << EOD
1.96 0.636619772
2.96 0.784017355
3.96 0.844049178
4.96 0.877738115
5.96 0.878934672
6.96 0.880019062
EOD
$series4 << EOD
2 0.636619772
3 0.784017355
4 0.844049178
5 0.877738115
6 0.89939735
7 0.90044417
8 0.901335397
EOD
$series5 << EOD
2.04 0.636619772
3.04 0.784017355
4.04 0.844049178
5.04 0.877738115
6.04 0.89939735
7.04 0.914515747
8.04 0.915430226
9.04 0.9161408
EOD
$series6 << EOD
2.08 0.636619772
3.08 0.784017355
4.08 0.844049178
5.08 0.877738115
6.08 0.89939735
7.08 0.914515747
8.08 0.925674459
9.08 0.926424288
10.08 0.927038841
EOD
$series7 << EOD
2.12 0.636619772
3.12 0.784017355
4.12 0.844049178
5.12 0.877738115
6.12 0.89939735
7.12 0.914515747
8.12 0.925674459
9.12 0.934251715
10.12 0.934888745
11.12 0.935403449
EOD
plot $series0 using 1:2 with lines lw 2 lc rgb "#808080" title "Phi_ETF(M), the simplex ETF (exists for M <= d+1)", \
     $series1 using 1:2 with points pt 7 lt 1 title "d = 2: best found", \
     $series2 using 1:2 with points pt 7 lt 2 title "d = 3: best found", \
     $series3 using 1:2 with points pt 7 lt 3 title "d = 4: best found", \
     $series4 using 1:2 with points pt 7 lt 4 title "d = 5: best found", \
     $series5 using 1:2 with points pt 7 lt 5 title "d = 6: best found", \
     $series6 using 1:2 with points pt 7 lt 6 title "d = 7: best found", \
     $series7 using 1:2 with points pt 7 lt 7 title "d = 8: best found"
