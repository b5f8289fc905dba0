"""The public API is itself a contract: pin the exported names."""

import anomalyalgebra


def test_top_level_exports():
    assert set(anomalyalgebra.__all__) == {
        "AmbiguousRepresentationError", "AnomalyAlgebraError", "ExpressionError", "Field", "GRAVITY",
        "GroupError", "InconsistentChargesError", "MissingDependencyError", "Model", "ModelError",
        "ModelFileError", "NoSolutionError", "SimpleFactor", "U1", "UnknownRepresentationError", "ZN",
        "anomaly_table", "anomaly_trace", "builtin_models", "chiral_singlet_charges", "enumerate_charges", "dumps_model", "fermion",
        "is_anomaly_free", "lie_algebra", "load_model", "loads_model", "parse_expression",
        "parse_group", "parse_irrep", "scalar", "singlet_multiplicity", "su2_irrep",
        "tensor_product", "witten_anomaly", "__version__",
    }
    for name in anomalyalgebra.__all__:
        assert hasattr(anomalyalgebra, name), name


def test_eft_exports():
    from anomalyalgebra import eft

    assert set(eft.__all__) == {
        "EFT_SYMBOLS", "AnomalyCouplings", "BrokenCouplings", "LightHeavySplit", "anomaly_couplings",
        "broken_couplings", "from_traces", "light_heavy_split", "DerivativeCurrent", "Particle",
        "PseudoscalarVV", "VectorCurrent", "Yukawa", "kallen", "squared_amplitude", "two_body_width",
        "M_Z", "electroweak_vacuum", "zgamma_coupling", "zgamma_width",
    }
    for name in eft.__all__:
        assert hasattr(eft, name), name


def test_every_module_declares_all():
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(anomalyalgebra.__path__, "anomalyalgebra."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        assert hasattr(mod, "__all__"), info.name


def test_interop_exports():
    import anomalyalgebra.interop as interop

    assert set(interop.__all__) == {
        "CheckReport", "FORMATS", "ImportedModel", "MODEL_SUFFIXES", "Term", "check_directory",
        "check_file", "check_imported", "convert_file", "convert_text", "format_of", "loads_model_text",
        "read_model_file",
    }
    for name in interop.__all__:
        assert hasattr(interop, name), name
