"""The package as a user receives it: the sdist, a wheel built from it in a fresh virtual
environment, the licences in both, the declared rust-version, the release workflow, and the
Rust tests that need the shared folder counted as ignored without it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LICENCES = ("LICENSE-MIT", "LICENSE-APACHE")


def run(
    command: list[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float | None = None,
) -> subprocess.CompletedProcess[str]:
    """Runs `command`, failing the test with its output when it fails."""
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, cwd=cwd, env=env, timeout=timeout
    )
    assert result.returncode == 0, (
        f"{' '.join(command)} exited {result.returncode}\n"
        f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
    )
    return result


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sdist")
    run([sys.executable, "-m", "maturin", "sdist", "--out", str(out)], cwd=ROOT)
    (archive,) = out.glob("*.tar.gz")
    return archive


def test_sdist_holds_the_licences_the_sources_and_the_metadata(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        top = archive.getnames()[0].split("/", 1)[0]
        member = archive.extractfile(f"{top}/PKG-INFO")
        assert member is not None
        pkg_info = member.read().decode()
    expected = {
        *LICENCES,
        "README.md",
        "pyproject.toml",
        "Cargo.toml",
        "Cargo.lock",
        "docs/spec.md",
        "src/lib.rs",
        "python/Cargo.toml",
        "python/src/lib.rs",
        "python/xinzhi_extract/__init__.py",
        "python/xinzhi_extract/_core.pyi",
        "python/xinzhi_extract/py.typed",
        "python/xinzhi_extract/data/sample.txt",
    }
    assert expected <= names, f"missing from the sdist: {sorted(expected - names)}"
    # Nothing of the development machinery travels with the package.
    assert not {n for n in names if n.startswith((".ci/", ".github/", "scripts/", "fuzz/"))}
    assert "build.rs" not in names
    assert "License-Expression: MIT OR Apache-2.0" in pkg_info
    for licence in LICENCES:
        assert f"License-File: {licence}" in pkg_info
    for field in ("Author: ", "Keywords: ", "Project-URL: Homepage, ", "Project-URL: Issues, "):
        assert field in pkg_info, field
    classifiers = re.findall(r"^Classifier: (.*)$", pkg_info, flags=re.MULTILINE)
    assert "Typing :: Typed" in classifiers
    assert "Programming Language :: Rust" in classifiers


def fresh_venv(path: Path) -> Path:
    """A new virtual environment at `path`, without this suite's packages; its python."""
    run([sys.executable, "-m", "venv", str(path)])
    return path / ("Scripts" if os.name == "nt" else "bin") / "python"


@pytest.mark.slow
def test_the_sdist_builds_and_installs_into_a_fresh_virtual_environment(
    sdist: Path, tmp_path: Path
) -> None:
    python = fresh_venv(tmp_path / "venv")
    env = dict(os.environ)
    env.pop("VIRTUAL_ENV", None)
    # What is checked is the package, not its speed: an unoptimised build. Its target folder
    # is new each time: cargo judges path crates by file times, and the sdist's files keep
    # their old ones, so a kept folder would hand back an earlier build (sccache, when set,
    # still spares the dependencies).
    env.update(
        CARGO_TARGET_DIR=str(tmp_path / "target"),
        CARGO_PROFILE_RELEASE_LTO="off",
        CARGO_PROFILE_RELEASE_CODEGEN_UNITS="16",
        CARGO_PROFILE_RELEASE_OPT_LEVEL="0",
    )
    wheels = tmp_path / "wheels"
    run(
        [str(python), "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(sdist)],
        env=env,
        cwd=tmp_path,
        timeout=1800,
    )
    (wheel,) = wheels.glob("*.whl")
    # One wheel for every CPython from 3.10 on, through the stable ABI.
    assert re.search(r"-cp310-abi3-[^-]+\.whl$", wheel.name), wheel.name
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    dist_info = next(n.split("/")[0] for n in names if ".dist-info/" in n)
    for licence in LICENCES:
        assert f"{dist_info}/licenses/{licence}" in names, sorted(names)
    for path in ("py.typed", "_core.pyi", "data/sample.txt"):
        assert f"xinzhi_extract/{path}" in names

    run([str(python), "-m", "pip", "install", "--quiet", "--no-index", str(wheel)], env=env)
    check = (
        "import importlib.metadata as m, xinzhi_extract as xe;"
        "r = xe.extract('全省新增企业77家，总投资约4.2億元。');"
        "print(xe.__file__); print([(x.text, x.value) for x in r]);"
        "print(sorted(str(f) for f in m.files('xinzhi-extract') if 'LICENSE' in str(f)))"
    )
    # From a folder outside the repository, so that its python/ folder cannot stand in.
    result = run([str(python), "-c", check], env=env, cwd=tmp_path)
    first, records, licences = result.stdout.splitlines()
    assert Path(first).is_relative_to(tmp_path / "venv"), first
    assert records == "[('77家', 77.0), ('约4.2億元', 420000000.0)]"
    assert all(licence in licences for licence in LICENCES), licences
    demo = run([str(python.parent / "xinzhi-extract"), "--demo"], env=env, cwd=tmp_path)
    assert "quantity" in demo.stdout


def test_the_rust_version_check_fails_when_a_locked_dependency_needs_more() -> None:
    script = ROOT / "scripts" / "check-rust-version"
    ours = run([sys.executable, str(script)], cwd=ROOT)
    assert "check-rust-version: ok" in ours.stdout
    # serde, a dependency of the core crate, has declared a rust-version for years.
    old = subprocess.run(
        [sys.executable, str(script), "--rust-version", "1.30"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert old.returncode == 1, old.stdout + old.stderr
    assert re.search(r"^  serde \S+ \(locked\) needs Rust", old.stderr, flags=re.MULTILINE)


def test_every_rust_test_that_reads_the_shared_folder_is_ignored_without_it() -> None:
    """A test that returns early without the shared folder would pass as `ok` having checked
    nothing; marked, cargo counts it as ignored, with the reason, when the folder is absent
    (build.rs sets `shared_folder_absent`)."""
    unmarked = []
    for path in sorted((ROOT / "tests").glob("*.rs")):
        source = path.read_text(encoding="utf-8")
        tests = re.split(r"(?m)^#\[test\]\n", source)[1:]
        for test in tests:
            name = re.search(r"fn (\w+)", test)
            body = test.split("\n}\n", 1)[0]
            marked = test.lstrip().startswith("#[cfg_attr(\n    shared_folder_absent,")
            if "shared_dir_or_skip" in body and not marked and name:
                unmarked.append(f"{path.name}: {name.group(1)}")
    assert not unmarked, "mark these with #[cfg_attr(shared_folder_absent, ignore = …)]: " + (
        ", ".join(unmarked)
    )


def test_the_release_workflow_builds_every_platform_and_the_sdist() -> None:
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    jobs = workflow["jobs"]
    targets = {
        (runner, target)
        for job in jobs.values()
        for entry in job.get("strategy", {}).get("matrix", {}).get("include", [])
        for runner, target in [(entry.get("runner", ""), entry.get("target", ""))]
    }
    wanted = {
        ("ubuntu", "x86_64"),
        ("ubuntu", "aarch64"),
        ("macos", "x86_64"),
        ("macos", "aarch64"),
        ("windows", "x64"),
    }
    for os_name, arch in wanted:
        assert any(os_name in r and arch in t for r, t in targets), (os_name, arch, targets)
    steps = [step for job in jobs.values() for step in job.get("steps", [])]
    commands = [str(step.get("with", {}).get("command", "")) for step in steps]
    assert "sdist" in commands
    assert any("--release" in str(step.get("with", {}).get("args", "")) for step in steps)
