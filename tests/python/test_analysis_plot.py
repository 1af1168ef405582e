"""analysis/plot_comparison.py draws a PNG from two paired result files, in English and Swedish.

Usage: /usr/bin/python3 test_analysis_plot.py BUILD/engine/finsim SOURCE_DIR
"""

import os
import subprocess
import sys
import tempfile


def main():
    finsim, src = sys.argv[1], sys.argv[2]
    passed = 0
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for scenario in ("baseline", "state-plus-50"):
            path = os.path.join(tmp, f"{scenario}.h5")
            r = subprocess.run([finsim, "run", os.path.join(src, "scenarios", f"{scenario}.toml"), "-o", path, "-q", "-r", "2",
                                "--set", "population.scale=0.02", "--set", "scenario.end=2026-12"],
                               capture_output=True, text=True)
            assert r.returncode == 0, r.stderr
            files.append(path)
        for lang in ("en", "sv"):
            png = os.path.join(tmp, f"cmp-{lang}.png")
            r = subprocess.run(["/usr/bin/python3", os.path.join(src, "analysis", "plot_comparison.py"), *files, png, "--lang", lang],
                               capture_output=True, text=True)
            assert r.returncode == 0, r.stderr
            with open(png, "rb") as f:
                assert f.read(8) == b"\x89PNG\r\n\x1a\n", "not a PNG"
            assert os.path.getsize(png) > 10_000
            passed += 1
        r = subprocess.run(["/usr/bin/python3", os.path.join(src, "analysis", "plot_comparison.py")], capture_output=True, text=True)
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "--help" in r.stderr, r.stderr
        passed += 1
    print(f"{passed} passed, 0 failed")


if __name__ == "__main__":
    main()
