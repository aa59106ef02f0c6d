"""The action in index mode fetches the whole history when the checkout is shallow, for the pictures."""

from __future__ import annotations

from tests.test_action import LOG, Scene, git, scene  # noqa: F401 (scene is a fixture)


def test_a_shallow_checkout_is_deepened_and_the_pictures_are_committed(scene: Scene) -> None:  # noqa: F811
    work = scene.clone("work")
    scene.add_post(work, 25, tags="[theory, graph-nn]")
    git(work, "push", "--quiet", "origin", "main", env=scene.env)
    shallow = scene.tmp / "shallow"
    git(scene.tmp, "clone", "--quiet", "--depth", "1", f"file://{scene.remote}", str(shallow), env=scene.env)
    assert git(shallow, "rev-parse", "--is-shallow-repository", env=scene.env) == "true"

    run = scene.action(shallow, "push", "refs/heads/main", with_={"working-directory": LOG})

    assert run.returncode == 0, run.stdout
    assert "fetching the whole history" in run.stdout and "warning" not in run.stdout
    files = scene.remote_files()
    assert f"{LOG}/tags/streak.svg" in files and f"{LOG}/tags/calendar.svg" in files
    badge = git(scene.remote, "show", f"main:{LOG}/tags/streak.svg", env=scene.env)
    assert "verified streak: 0 days" in badge  # 24 posts imported at once, day 25 a late commit


def test_check_mode_leaves_a_shallow_checkout_as_it_is(scene: Scene) -> None:  # noqa: F811
    shallow = scene.tmp / "shallow"
    work = scene.clone("work")
    scene.add_post(work, 25, tags="[theory, graph-nn]")
    git(work, "push", "--quiet", "origin", "main", env=scene.env)
    git(scene.tmp, "clone", "--quiet", "--depth", "1", f"file://{scene.remote}", str(shallow), env=scene.env)
    run = scene.action(shallow, "pull_request", "refs/pull/1/merge", with_={"working-directory": LOG})
    assert run.returncode == 0, run.stdout
    assert git(shallow, "rev-parse", "--is-shallow-repository", env=scene.env) == "true"
