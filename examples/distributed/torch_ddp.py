"""Train the example model on PyTorch over several processes with DistributedDataParallel.

Keras 3 has no ``keras.distribution`` on PyTorch: the model is wrapped in
``torch.nn.parallel.DistributedDataParallel`` (DDP), which averages the
gradients of all processes, and trained with a short loop (Keras' ``fit()``
calls the model itself, not the DDP wrapper, so it would not average
anything).  ``evaluate()``, ``predict()`` and saving are kerasfn's, on the
model every process holds.  Launch with ``torchrun``::

    # two processes on this machine:
    torchrun --nproc-per-node=2 torch_ddp.py
    # N machines, one process each (run on every machine, i = 0 ... N-1):
    torchrun --nnodes=N --node-rank=i --nproc-per-node=1 \\
        --master-addr=10.0.0.1 --master-port=29500 torch_ddp.py

``torchrun`` sets ``RANK``, ``WORLD_SIZE``, ``MASTER_ADDR`` and
``MASTER_PORT`` for each process.  The ``gloo`` backend runs on CPUs; use
``nccl`` on GPUs.
"""

import os
import shutil
import sys

os.environ["KERAS_BACKEND"] = "torch"

import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402
from torch.utils.data import DataLoader, TensorDataset  # noqa: E402
from torch.utils.data.distributed import DistributedSampler  # noqa: E402

import piped_model  # noqa: E402
from kerasfn import as_array, evaluate, predict, save_model  # noqa: E402

args = piped_model.command_line(__doc__.splitlines()[0])
x, y = piped_model.training_data()

if args.reload:
    model = piped_model.load(args.reload)
    piped_model.write_report(args.report, "reloaded", {"predict": as_array(model | predict(x, verbose=0))})
    sys.exit()

dist.init_process_group("gloo")  # reads RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT
rank, world = dist.get_rank(), dist.get_world_size()

model = piped_model.build_model()
ddp_model = torch.nn.parallel.DistributedDataParallel(model)  # also copies rank 0's weights to all
optimizer = torch.optim.SGD(ddp_model.parameters(), lr=0.1)  # the SGD(0.1) that compile() names

# Each process reads its share of every batch: together, the global batch.
data = TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
sampler = DistributedSampler(data, num_replicas=world, rank=rank, shuffle=False)
loader = DataLoader(data, batch_size=piped_model.GLOBAL_BATCH // world, sampler=sampler)

losses = []
for epoch in range(piped_model.EPOCHS):
    sampler.set_epoch(epoch)
    total = torch.zeros(2)  # this process's summed loss and batch count
    for inputs, targets in loader:
        loss = torch.nn.functional.mse_loss(ddp_model(inputs, training=True), targets)
        optimizer.zero_grad()
        loss.backward()  # DDP averages the gradients over the processes here
        optimizer.step()
        total += torch.stack([loss.detach(), torch.tensor(1.0)])
    dist.all_reduce(total)
    losses.append((total[0] / total[1]).item())  # the mean batch loss, as fit()'s history reports it

loss = evaluate(model, x, y, batch_size=piped_model.GLOBAL_BATCH, verbose=0)["loss"]
predictions = as_array(model | predict(x, batch_size=piped_model.GLOBAL_BATCH, verbose=0))

path, temporary = piped_model.worker_save_path(args.save, rank == 0)
model | save_model(path, overwrite=True)
if temporary:
    shutil.rmtree(temporary)

piped_model.write_report(args.report, f"worker{rank}", {
    "processes": world, "loss": losses, "evaluate": loss, "predict": predictions,
    "weights": [as_array(w) for w in model.weights],
})
dist.destroy_process_group()
