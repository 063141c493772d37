"""Converting .doc, .rtf and .odt to .docx with LibreOffice headless, in a private profile.

Each conversion runs in its own temporary directory with its own user profile (copied from a
template made on first use), macros disabled, and a time limit after which the whole process
group is killed.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from parsers.errors import ConversionFailed

TIMEOUT_SECONDS = 60.0
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop
 oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""
_template_lock = threading.Lock()
_template: list[Path] = []


def find_soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(
    data: bytes, suffix: str, *, soffice: str | None = None, timeout: float = TIMEOUT_SECONDS
) -> bytes:
    """The document converted to .docx bytes; ConversionFailed when LibreOffice is missing,
    fails, or takes longer than `timeout` seconds."""
    return convert_document(data, suffix, "docx", soffice=soffice, timeout=timeout)


def convert_document(
    data: bytes,
    suffix: str,
    target: str,
    *,
    soffice: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> bytes:
    """The document (a .`suffix` file) converted to the `target` format's bytes."""
    program = soffice or find_soffice()
    if program is None:
        raise ConversionFailed(
            f"This server cannot read .{suffix} files; please send the form as .docx or .pdf."
        )
    with tempfile.TemporaryDirectory(prefix="lado-soffice-") as temp:
        work = Path(temp)
        source = work / f"document.{suffix}"
        source.write_bytes(data)
        profile = work / "profile"
        _prepare_profile(profile)
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--convert-to",
            target,
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        _run(command, work, timeout)
        result = work / "out" / f"document.{target}"
        if not result.is_file():
            raise ConversionFailed()
        _keep_as_template(profile)
        return result.read_bytes()


def _run(command: list[str], home: Path, timeout: float) -> None:
    """Run LibreOffice in its own process group; kill the group when time runs out."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment,
        cwd=home,
        start_new_session=True,
    )
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        raise ConversionFailed("The document took too long to convert.") from None
    if code != 0:
        raise ConversionFailed()


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _prepare_profile(profile: Path) -> None:
    """A fresh profile: a copy of the template when there is one, else only the settings."""
    with _template_lock:
        if _template:
            shutil.copytree(_template[0], profile)
            return
    settings = profile / "user" / "registrymodifications.xcu"
    settings.parent.mkdir(parents=True)
    settings.write_text(_PROFILE_SETTINGS, encoding="utf-8")


def _keep_as_template(profile: Path) -> None:
    """Keep the first fully initialised profile, so later conversions start faster."""
    with _template_lock:
        if _template:
            return
        template = Path(tempfile.mkdtemp(prefix="lado-soffice-profile-")) / "profile"
        shutil.copytree(profile, template, ignore=shutil.ignore_patterns(".lock", "*.lock"))
        _template.append(template)
        atexit.register(shutil.rmtree, template.parent, True)
