"""Funnelstream's scheduled pipeline as an Airflow DAG, for teams that already run Airflow.

The same two tasks as `./funnelstream pipeline`, each a call of the CLI:
  1. replay_segment: replay the next month segment not yet done into Kafka and wait until the
     loader has landed every record of it (by Kafka offsets, not by sleeping);
  2. build_reporting: run the reporting transforms (idempotent, incremental by day).
The CLI's exit code is the task's result: 0 success, 1 pipeline failure, 2 usage error,
3 input incomplete. Airflow retries failed tasks with backoff.

Set FUNNELSTREAM_HOME (the checkout with the ./funnelstream launcher) and FUNNELSTREAM_DATA_DIR,
FUNNELSTREAM_INPUT and, for a real cluster, FUNNELSTREAM_KAFKA / FUNNELSTREAM_KAFKA_CONFIG in the
worker's environment; secrets stay there, not in this file.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

FUNNELSTREAM = "cd \"$FUNNELSTREAM_HOME\" && ./funnelstream"

default_args = {
    "owner": "funnelstream",
    "retries": 3,
    "retry_delay": timedelta(minutes=1),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=15),
}

with DAG(
    dag_id="funnelstream_pipeline",
    description="Replay the next month segment, then rebuild the reporting tables",
    default_args=default_args,
    start_date=datetime(2019, 10, 1),
    schedule=timedelta(hours=3),
    catchup=False,
    max_active_runs=1,  # runs never overlap, as in the built-in scheduler
    tags=["funnelstream"],
) as dag:
    replay_segment = BashOperator(
        task_id="replay_segment",
        bash_command=FUNNELSTREAM + " pipeline --once --task replay --input \"$FUNNELSTREAM_INPUT\""
        " --sample-per-day {{ params.sample_per_day }}",
        params={"sample_per_day": 10000},
    )
    build_reporting = BashOperator(
        task_id="build_reporting",
        bash_command=FUNNELSTREAM + " pipeline --once --task transform",
    )
    replay_segment >> build_reporting
