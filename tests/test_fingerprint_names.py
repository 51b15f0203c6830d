"""Fingerprinted copies of two assets that share a stem (search.css and
search.js) both stay: tidying an earlier build's copies of one must not
remove the other's (the search page lost its script that way)."""

from __future__ import annotations


def test_assets_sharing_a_stem_keep_both_fingerprinted_copies(tmp_path):
    from asset_pipeline.fingerprint import _fingerprint

    (tmp_path / "search.js").write_text("console.log(1)", "utf-8")
    (tmp_path / "search.css").write_text("a{}", "utf-8")
    script = _fingerprint(str(tmp_path / "search.js"))
    style = _fingerprint(str(tmp_path / "search.css"))
    assert (tmp_path / script).exists() and (tmp_path / style).exists()
    # A changed stylesheet replaces its own old copy only.
    (tmp_path / "search.css").write_text("a{color:red}", "utf-8")
    newer = _fingerprint(str(tmp_path / "search.css"))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        ["search.js", "search.css", script.rsplit("/", 1)[-1], newer.rsplit("/", 1)[-1]]
    )
