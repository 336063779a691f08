"""The distributed recipes of the README, run for real: Ray Data on a local cluster the test
starts, and Hugging Face datasets with worker processes. Each must give exactly the sequential
result. Where an engine is not installed its test skips with a message; in CI (CI set in the
environment) a missing engine is a failure."""
from __future__ import annotations

import importlib.util
import os

import pytest

import textfix
from textfix.batch import RepairBatch

from conftest import CORPUS


def _need(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        message = f"{module} is not installed (pip install -e '.[test]' installs it)"
        if os.environ.get("CI"):
            pytest.fail(f"in CI: {message}", pytrace=False)
        pytest.skip(message)


def _shards() -> list[dict]:
    """The corpus as a sharded dataset: one record per paragraph, with an id column."""
    records = []
    for path in sorted((CORPUS / "seeds").glob("*.txt")):
        for i, paragraph in enumerate(path.read_text(encoding="utf-8").split("\n")):
            records.append({"id": f"{path.stem}/{i}", "text": paragraph})
    return records * 3


def test_ray_data_map_batches_on_a_local_cluster_matches_the_sequential_run():
    _need("ray")
    import ray

    records = _shards()
    expected = [textfix.fix_text(r["text"]) for r in records]
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        dataset = ray.data.from_items(records, override_num_blocks=6)
        repaired = dataset.map_batches(RepairBatch, fn_constructor_kwargs={"field": "text"}, concurrency=2,
                                       batch_size=16, batch_format="numpy")
        rows = repaired.take_all()
    finally:
        ray.shutdown()
    assert [str(r["id"]) for r in rows] == [r["id"] for r in records]
    assert [str(r["text"]) for r in rows] == expected


def test_hugging_face_datasets_map_with_worker_processes_matches_the_sequential_run():
    _need("datasets")
    import datasets

    records = _shards()
    expected = [textfix.fix_text(r["text"]) for r in records]
    dataset = datasets.Dataset.from_list(records)
    repaired = dataset.map(RepairBatch(field="text", edits="edits"), batched=True, batch_size=16, num_proc=2)
    assert repaired["text"] == expected
    assert repaired["id"] == [r["id"] for r in records]
