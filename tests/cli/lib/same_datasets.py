"""Exit 0 when two HDF5 files hold the same datasets with identical values (used by tests/cli/*.sh).

Usage: /usr/bin/python3 same_datasets.py A.h5 B.h5 [WHAT]
"""
import sys

import h5py
import numpy as np


def datasets(f):
    out = {}
    f.visititems(lambda name, obj: out.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return out


with h5py.File(sys.argv[1], "r") as a, h5py.File(sys.argv[2], "r") as b:
    da, db = datasets(a), datasets(b)
    assert da.keys() == db.keys(), set(da) ^ set(db)
    bad = [k for k in da if not np.array_equal(da[k], db[k])]
    assert not bad, f"differ: {bad}"
    print(f"ok: {len(da)} datasets identical{' ' + sys.argv[3] if len(sys.argv) > 3 else ''}")
