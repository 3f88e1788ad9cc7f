"""Who is asking: the client's address, the same for login throttling and rate limits."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the outermost of them
    received from. Each proxy appends its peer to X-Forwarded-For, so that address is the
    N-th from the right; entries further left are whatever the client sent and are ignored."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if not hops:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < hops:
        return remote  # not through all our proxies: nothing in the header can be trusted
    try:
        return str(ipaddress.ip_address(forwarded[-hops]))
    except ValueError:
        return remote


def client_key(request):
    """The address rate limits count by. An IPv6 client usually holds a whole /64, so that
    is what counts, or it could take a fresh address for every request."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6 and not parsed.ipv4_mapped:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
