#!/usr/bin/env python3
"""Check ONNX models with onnx.checker (full_check=True, which also runs shape inference).

Usage: python3 tools/onnx_check.py FILE...

A file whose default-domain (ai.onnx) opset is newer than the installed onnx package knows is skipped, with the
reason printed: Debian 12's python3-onnx 1.12 knows opsets up to 17, so it checks Lstm.MLNet's ids variant but
not the text variant (opset 20). Exit status: 0 when every file checked passed (or was skipped), 1 when a check
failed or a file could not be read, 2 on bad usage or when the onnx package is missing
(install it with `apt-get install -y python3-onnx`).
"""
import sys


def default_opset(model):
    for opset in model.opset_import:
        if opset.domain in ("", "ai.onnx"):
            return opset.version
    return None


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import onnx
        import onnx.checker
        import onnx.defs
    except ImportError as error:
        print(f"onnx_check: the onnx Python package is missing ({error}); apt-get install -y python3-onnx", file=sys.stderr)
        return 2

    newest = onnx.defs.onnx_opset_version()
    failed = checked = skipped = 0
    for path in argv[1:]:
        try:
            model = onnx.load(path)
        except Exception as error:  # a file onnx cannot parse is a failure, not a skip
            print(f"FAIL {path}: cannot load: {error}")
            failed += 1
            continue
        opset = default_opset(model)
        if opset is None:
            print(f"FAIL {path}: no ai.onnx opset import")
            failed += 1
            continue
        if opset > newest:
            print(f"SKIP {path}: opset {opset} is newer than onnx {onnx.__version__} knows (<= {newest})")
            skipped += 1
            continue
        try:
            onnx.checker.check_model(model, full_check=True)
        except Exception as error:
            print(f"FAIL {path}: {error}")
            failed += 1
            continue
        print(f"OK   {path}: ir_version {model.ir_version}, opset {opset}, onnx {onnx.__version__}")
        checked += 1
    print(f"onnx_check: checked {checked + failed} file(s): {failed} failing, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
