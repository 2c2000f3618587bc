"""kerasfn.api.cache: files in the Keras cache (get_file, and the files the dataset loaders need) are
found offline, a missing one is named with where to put it, and an archive extracted there stays inside it."""

import io
import os
import tarfile
import zipfile

import pytest

from kerasfn import dataset_cifar10, dataset_mnist, get_file
from kerasfn.api import cache
from kerasfn.api.cache import DatasetNotCachedError


def test_missing_dataset_names_the_file_and_where_to_put_it(keras_home):
    expected = os.path.join(str(keras_home), "datasets", "mnist.npz")
    with pytest.raises(DatasetNotCachedError) as error:
        dataset_mnist()
    message = str(error.value)
    assert message.startswith("dataset_mnist(): 'mnist.npz' is not in the Keras cache and could not be downloaded")
    assert f"put it at {expected!r}" in message and "OSError: no network" in message
    with pytest.raises(DatasetNotCachedError, match=r"'cifar-10-python.tar.gz' .*cifar-10-python.tar.gz'"):
        dataset_cifar10()


def test_get_file_caches_a_file_offline(tmp_path):
    source = tmp_path / "source.txt"
    source.write_text("content")
    (tmp_path / "cache").mkdir()  # Keras falls back to /tmp/.keras for a cache_dir it cannot write
    path = get_file("copy.txt", origin=source.as_uri(), cache_dir=str(tmp_path / "cache"))
    assert path == str(tmp_path / "cache" / "datasets" / "copy.txt") and open(path).read() == "content"
    source.unlink()
    assert get_file("copy.txt", origin=source.as_uri(), cache_dir=str(tmp_path / "cache")) == path  # cached
    with pytest.raises(TypeError, match=r"`origin` is missing, with no default"):
        get_file("copy.txt")


def _member(tar, name, content=b"", link=None):
    info = tarfile.TarInfo(name)
    if link is None:
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    else:
        info.type, info.linkname = tarfile.SYMTYPE, link
        tar.addfile(info)


@pytest.mark.parametrize("member", [
    {"name": "data/../../../escaped.txt", "content": b"outside"},
    {"name": "data/link", "link": "../../../escaped.txt"},
    {"name": "data/absolute", "link": "/etc/passwd"},
])
def test_a_cached_tar_archive_stays_inside_the_cache(keras_home, member):
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        _member(tar, "data/ok.txt", b"inside")
        _member(tar, **member)
    (keras_home / "datasets" / "bundle.tar.gz").write_bytes(archive.getvalue())
    with pytest.raises(tarfile.FilterError):
        cache.cached_file("test", fname="bundle.tar.gz", origin="https://example.invalid/bundle.tar.gz", extract=True)
    outside = keras_home.parent
    assert not (outside / "escaped.txt").exists() and not (keras_home / "escaped.txt").exists()
    assert not any(os.path.islink(os.path.join(root, name)) for root, dirs, files in os.walk(keras_home)
                   for name in dirs + files)


def test_a_cached_zip_archive_stays_inside_the_cache(keras_home):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("data/ok.txt", b"inside")
        bundle.writestr("../../../escaped.txt", b"outside")
    (keras_home / "datasets" / "bundle.zip").write_bytes(archive.getvalue())
    target = cache.cached_file("test", fname="bundle.zip", origin="https://example.invalid/bundle.zip", extract=True)
    assert not (keras_home.parent / "escaped.txt").exists() and not (keras_home / "escaped.txt").exists()
    extracted = {os.path.relpath(os.path.join(root, name), target) for root, _, names in os.walk(target)
                 for name in names}
    assert extracted == {os.path.join("data", "ok.txt"), "escaped.txt"}  # ".." dropped: inside the target
