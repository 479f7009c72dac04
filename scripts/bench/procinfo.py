"""Small helpers shared by the benchmark and check scripts."""


def rss_mib(pid):
    """Resident memory of a running process in MiB (from /proc), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None
