"""MLflow "model from code" entry point: logged as a file, so no pickled Python object."""

import mlflow
import mlflow.pyfunc

from triage.tracking import TriagePyfuncModel


class TriageRouter(TriagePyfuncModel, mlflow.pyfunc.PythonModel):  # type: ignore[name-defined]
    """The anonymise -> classify -> decide path as an MLflow pyfunc model."""


mlflow.models.set_model(TriageRouter())
