""".github/workflows/site.yml: triggers, least privilege, timeouts, safe pipes, and the
Pages deployment that is never cancelled half-way. (No GitHub here: checked by parsing.)"""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from tests.helpers import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


@pytest.fixture(scope="module")
def wf() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def triggers(wf: dict) -> dict:
    # YAML 1.1 reads the key `on` as the boolean True
    return wf[True] if True in wf else wf["on"]


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def uses(job: dict, action: str) -> list[dict]:
    return [s for s in steps(job) if str(s.get("uses", "")).split("@")[0] == action]


def test_runs_on_pull_requests_pushes_to_main_and_by_hand(wf):
    on = triggers(wf)
    assert set(on) == {"push", "pull_request", "workflow_dispatch"}
    assert on["push"]["branches"] == ["main"]
    assert on["pull_request"] is None or "branches" not in on["pull_request"]


def test_jobs_and_when_they_run(wf):
    jobs = wf["jobs"]
    assert set(jobs) == {"test", "diff", "build", "deploy"}
    assert "if" not in jobs["test"]
    assert jobs["diff"]["if"] == "github.event_name == 'pull_request'"
    build_if = jobs["build"]["if"]
    assert "github.ref == 'refs/heads/main'" in build_if
    assert "'push'" in build_if and "'workflow_dispatch'" in build_if and "pull_request" not in build_if
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"


def test_every_job_has_a_timeout(wf):
    for name, job in wf["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int) and 0 < job["timeout-minutes"] <= 60, name


def test_workflow_permissions_are_read_only(wf):
    assert wf["permissions"] == {"contents": "read"}


def test_only_the_deploy_job_can_publish(wf):
    for name, job in wf["jobs"].items():
        perms = job.get("permissions", {})
        if name == "deploy":
            assert perms == {"pages": "write", "id-token": "write"}
            assert job["environment"]["name"] == "github-pages"
        else:
            assert "pages" not in perms and "id-token" not in perms, name
    assert wf["jobs"]["diff"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    writers = [n for n, j in wf["jobs"].items() if "write" in j.get("permissions", {}).values()]
    assert sorted(writers) == ["deploy", "diff"]


def test_the_pages_deployment_is_never_cancelled(wf):
    deploy = wf["jobs"]["deploy"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert uses(deploy, "actions/deploy-pages")
    # a workflow-level group may cancel only pull-request runs (deploy never runs for those)
    cancel = wf.get("concurrency", {}).get("cancel-in-progress", False)
    assert cancel is False or cancel == "${{ github.event_name == 'pull_request' }}"
    for name, job in wf["jobs"].items():
        if name != "deploy" and "concurrency" in job:
            assert job["concurrency"]["group"] != "pages", name


def _pipes_to_a_command(script: str) -> bool:
    """True when a shell line pipes into another command (`a | b`, not `||` or a quoted |)."""
    lexer = shlex.shlex(script, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        tokens = list(lexer)
    except ValueError:  # unbalanced quotes: be conservative
        return "|" in script
    return "|" in tokens or "|&" in tokens


def test_every_piped_run_step_sets_pipefail(wf):
    default_shell = wf.get("defaults", {}).get("run", {}).get("shell", "")
    checked = 0
    for name, job in wf["jobs"].items():
        job_shell = job.get("defaults", {}).get("run", {}).get("shell", default_shell)
        for step in steps(job):
            script = step.get("run")
            if not script or not _pipes_to_a_command(script):
                continue
            checked += 1
            shell = step.get("shell", job_shell)
            assert "pipefail" in shell or re.search(r"set -\w*o pipefail|set -o pipefail", script), (name, script)
    assert checked >= 1  # the diff step pipes into tee


def test_pipe_detection_ignores_or_and_quoted_bars():
    assert _pipes_to_a_command("python -m generator diff x 2>&1 | tee log")
    assert not _pipes_to_a_command("test -f x || exit 1")
    assert not _pipes_to_a_command("echo 'a | b'")


def readme_commands() -> list[str]:
    """The README's set-up commands: the lines of its ``sh`` blocks under "Set up"."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", setup, flags=re.S)]


def test_the_readme_has_two_setup_commands_and_ci_and_the_test_job_run_the_second(wf):
    build, tests = readme_commands()
    assert "python -m generator build" in build and "scripts/test.sh" in tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert [line.strip() for line in ci.splitlines() if "scripts/test.sh" in line] == [tests]
    runs = [s["run"].strip() for s in steps(wf["jobs"]["test"]) if "run" in s]
    assert runs == [tests]


def test_pip_cache_is_keyed_on_pyproject(wf):
    for name, job in wf["jobs"].items():
        for step in uses(job, "actions/setup-python"):
            assert step["with"]["python-version"] == "3.11", name
            assert step["with"]["cache"] == "pip", name
            assert step["with"]["cache-dependency-path"] == "pyproject.toml", name
    assert uses(wf["jobs"]["test"], "actions/setup-python")


def test_diff_job_reports_to_summary_artifact_and_one_comment(wf):
    diff = wf["jobs"]["diff"]
    scripts = "\n".join(s.get("run", "") for s in steps(diff))
    assert 'python -m generator diff "origin/${BASE}" --out report.md --full full.diff' in scripts
    assert diff["env"]["BASE"] == "${{ github.base_ref }}"  # no ${{ }} inside shell scripts
    assert "${{" not in scripts
    assert "$GITHUB_STEP_SUMMARY" in scripts
    assert uses(diff, "actions/upload-artifact")[0]["with"]["path"] == "full.diff"
    (comment,) = uses(diff, "actions/github-script")
    script = comment["with"]["script"]
    assert "<!-- generator-diff -->" in script
    assert "updateComment" in script and "createComment" in script


def test_build_job_publishes_the_built_site(wf):
    build = wf["jobs"]["build"]
    (run,) = [s["run"] for s in steps(build) if "generator build" in s.get("run", "")]
    assert "--figures" in run and '--base-path "${BASE_PATH}"' in run
    names = [s.get("id") or s.get("uses", "") for s in steps(build)]
    assert names.index("pages") < next(i for i, s in enumerate(steps(build)) if "generator build" in s.get("run", ""))
    assert uses(build, "actions/configure-pages")
    assert uses(build, "actions/upload-pages-artifact")[0]["with"]["path"].rstrip("/") == "build"
