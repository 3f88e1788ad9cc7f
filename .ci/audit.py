"""Audit a lock file with pip-audit, and never call an audit that did not happen a clean one.

pip-audit skips a package it cannot look up and still ends with "No known vulnerabilities
found" — even when it looked up none, as on a machine that reaches a PyPI mirror's package
index but not PyPI's JSON API or OSV. So this reads its JSON report and exits with

  0  every package was checked and none has a known vulnerability;
  1  a locked package has a known vulnerability (listed);
  2  some or all packages could not be checked: "NOT audited", and which.

Usage: python .ci/audit.py LOCKFILE. AUDIT_SERVICE (pypi or osv) and AUDIT_OSV_URL choose
the vulnerability database.
"""

import json
import os
import subprocess
import sys

UNREACHABLE = 2


def run_pip_audit(lock):
    command = [sys.executable, "-m", "pip_audit", "--requirement", lock, "--require-hashes",
               "--disable-pip", "--format", "json", "--progress-spinner", "off",
               "--vulnerability-service", os.environ.get("AUDIT_SERVICE", "pypi")]  # fmt: skip
    if osv_url := os.environ.get("AUDIT_OSV_URL"):
        command += ["--osv-url", osv_url]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def verdict(result):
    """The message and exit status for a finished pip-audit run."""
    try:
        dependencies = json.loads(result.stdout)["dependencies"]
    except (json.JSONDecodeError, KeyError):
        # pip-audit stops with a traceback when the service does not answer at all.
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return f"vulnerability database unreachable: NOT audited ({last})", UNREACHABLE
    skipped = [d for d in dependencies if "skip_reason" in d]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    lines = [
        f"{d['name']} {d['version']}: {v['id']} (fixed in {', '.join(v['fix_versions']) or '?'})"
        for d in vulnerable
        for v in d["vulns"]
    ]
    if vulnerable:
        lines.append(f"{len(vulnerable)} of {len(dependencies)} locked packages are vulnerable")
    if len(skipped) == len(dependencies):
        lines.append(
            f"vulnerability database unreachable: NOT audited: none of the {len(dependencies)} "
            f"locked packages could be checked ({skipped[0]['skip_reason']})"
        )
    elif skipped:
        names = ", ".join(d["name"] for d in skipped)
        lines.append(
            f"vulnerability database incomplete: NOT audited: {len(skipped)} of "
            f"{len(dependencies)} locked packages could not be checked ({names})"
        )
    if vulnerable:  # a known vulnerability outweighs the packages left unchecked
        return "\n".join(lines), 1
    if skipped:
        return "\n".join(lines), UNREACHABLE
    return f"audited {len(dependencies)} locked packages: no known vulnerabilities", 0


def main(lock):
    message, status = verdict(run_pip_audit(lock))
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock"))
