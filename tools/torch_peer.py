#!/usr/bin/env python3
"""PyTorch peer for the speed comparison (run by tools/peer-benchmark.sh, not by the tests).

Trains and scores the seed's network with PyTorch's nn.LSTM on the CPU, on the same padded IMDB ids the C# side
wrote (int32 header N, T; N*T int32 ids; N uint8 labels). Prints 'torch train: X reviews/s' and 'torch predict: Y'.
nn.LSTM has no recurrent dropout, so the peer runs Keras's network without it (input dropout only): slightly less
work than ours. Threads default to all cores (torch.set_num_threads), the peer's best setting here.
"""
import argparse
import os
import struct
import time

import numpy as np
import torch
from torch import nn


class SeedNet(nn.Module):
    def __init__(self, vocab=10000, dim=128, units=128, dropout=0.2):
        super().__init__()
        self.embedding = nn.Embedding(vocab, dim)
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(dim, units, batch_first=True)
        self.dense = nn.Linear(units, 1)

    def forward(self, ids):
        x = self.dropout(self.embedding(ids))
        _, (h, _) = self.lstm(x)
        return self.dense(h[-1]).squeeze(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ids", required=True)
    ap.add_argument("--train-reviews", type=int, default=256)
    ap.add_argument("--predict-reviews", type=int, default=512)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    with open(args.ids, "rb") as f:
        n, t = struct.unpack("<ii", f.read(8))
        ids = np.frombuffer(f.read(4 * n * t), dtype="<i4").reshape(n, t).astype(np.int64)
        labels = np.frombuffer(f.read(n), dtype=np.uint8).astype(np.float32)
    ids, labels = torch.from_numpy(ids), torch.from_numpy(labels)
    model = SeedNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.BCEWithLogitsLoss()

    def train_batch(lo):
        opt.zero_grad()
        loss = loss_fn(model(ids[lo:lo + 32]), labels[lo:lo + 32])
        loss.backward()
        opt.step()

    model.train()
    train_batch(0)  # warm-up
    count = args.train_reviews - args.train_reviews % 32
    start = time.perf_counter()
    for lo in range(0, count, 32):
        train_batch(lo % (n - 32))
    seconds = time.perf_counter() - start
    print(f"torch train: {count / seconds:.1f} reviews/s ({count} reviews, batch 32, {args.threads} threads)")

    model.eval()
    count = min(args.predict_reviews, n)
    with torch.no_grad():
        model(ids[:32])
        start = time.perf_counter()
        for lo in range(0, count, 256):
            model(ids[lo:min(lo + 256, count)])
        seconds = time.perf_counter() - start
    print(f"torch predict: {count / seconds:.1f} reviews/s ({count} reviews, batch 256, {args.threads} threads)")


if __name__ == "__main__":
    main()
