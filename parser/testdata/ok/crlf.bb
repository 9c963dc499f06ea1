A = "crlf"
B = "cr only"do_x() {
	echo
}
