"""A throwaway server in a container (testcontainers). Filled in by the foundation work."""
from __future__ import annotations

from ..errors import EnvironmentProblem
from ..flavor import Flavor
from .base import ScratchServer


def engine_available() -> bool:
    try:
        import docker  # type: ignore

        client = docker.from_env(timeout=3)
        client.ping()
        client.close()
        return True
    except Exception:
        return False


class DockerServer(ScratchServer):
    kind = "docker"

    def __init__(self, image: str | None = None, flavor: Flavor | None = None) -> None:
        super().__init__()
        self.image = image
        self.wanted_flavor = flavor

    def start(self) -> None:
        raise EnvironmentProblem("the docker backend is not built yet")

    def stop(self) -> None:
        pass
