"""Test images made on the spot with Pillow and a few bytes: nothing is downloaded.

Includes what Pillow will not write by itself: a PNG whose header claims a huge size (a
decompression bomb) and a small display ICC profile whose red and green primaries are swapped,
so converting to sRGB visibly changes the pixels.
"""

import io
import struct
import zlib

from PIL import Image

# sRGB's primaries adapted to D50, as in the sRGB ICC profile.
SRGB_RED = (0.4361, 0.2225, 0.0139)
SRGB_GREEN = (0.3851, 0.7169, 0.0971)
SRGB_BLUE = (0.1431, 0.0606, 0.7141)
D50 = (0.9642, 1.0, 0.8249)


def encode(image: Image.Image, fmt: str, **params) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height RGB pixels (a decompression bomb's header)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(xyz) -> bytes:
    return b"XYZ \x00\x00\x00\x00" + b"".join(_s15(v) for v in xyz)


def _pad(data: bytes) -> bytes:
    return data + b"\x00" * (-len(data) % 4)


def swapped_primaries_icc() -> bytes:
    """An ICC v2 display profile like sRGB but with red and green swapped: (255, 0, 0) in it is
    sRGB green."""
    description = b"Swapped primaries\x00"
    desc = (
        b"desc\x00\x00\x00\x00" + struct.pack(">I", len(description)) + description
        + b"\x00" * 4 + b"\x00" * 4 + b"\x00\x00" + b"\x00" + b"\x00" * 67
    )  # fmt: skip
    curve = b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, 0x0233)  # gamma 2.2
    tags = [
        (b"desc", desc),
        (b"wtpt", _xyz(D50)),
        (b"rXYZ", _xyz(SRGB_GREEN)),
        (b"gXYZ", _xyz(SRGB_RED)),
        (b"bXYZ", _xyz(SRGB_BLUE)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\x00\x00\x00\x00No copyright\x00"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += _pad(data)
    size = offset + len(body)
    header = (
        struct.pack(">I", size) + b"lcms" + bytes([2, 0x10, 0, 0]) + b"mntr" + b"RGB " + b"XYZ "
        + struct.pack(">6H", 2025, 1, 1, 0, 0, 0) + b"acsp" + b"\x00" * 4 + b"\x00" * 4
        + b"\x00" * 4 + b"\x00" * 4 + b"\x00" * 8 + struct.pack(">I", 0)
        + b"".join(_s15(v) for v in D50) + b"\x00" * 4 + b"\x00" * 16 + b"\x00" * 28
    )  # fmt: skip
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body
