"""``serve`` loads what the first message may need before it takes one (bot/cli.py ``_warm_up``): the FAQ index, built
inside the first question's request otherwise (~1-2 s of CPU; 5 s or more on a loaded machine, past WeChat's wait)."""

from __future__ import annotations

from bench.harness import free_port
from bot import cli, common_words, serving


def test_one_serve_process_has_the_faq_index_before_it_serves(config_file, monkeypatch):
    services: list[set[str]] = []
    common_words.dictionary_words.cache_clear()

    def serve_socket(sock, worker, master_pid=None):
        flask_app = worker.flask_app
        app = flask_app.extensions
        services.append(set(app["bot"]._services))

    monkeypatch.setattr(serving, "serve_socket", serve_socket)
    assert cli.main(["--config", str(config_file), "serve", "--port", str(free_port()), "--no-scheduler"]) == 0
    assert len(services) == 1 and "faq" in services[0]
    # the names' tables (identity.is_known_persons_name reads them) read before serving, not in the writer
    assert common_words.dictionary_words.cache_info().currsize == 1
