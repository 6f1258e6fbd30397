# --format junit writes promtool 2.55's JUnit XML: an unreadable file is a testsuite with one
# errored "unknown" testcase (no timestamp, as promtool sets it only after reading the file).
$ caxtool --format junit test rules nosuch.yml
--- stdout
<testsuites><testsuite name="nosuch.yml" tests="1" failures="0" errors="1" skipped="0" timestamp=""><testcase name="unknown"><error>open nosuch.yml: No such file or directory</error></testcase></testsuite></testsuites>
--- exit 3
