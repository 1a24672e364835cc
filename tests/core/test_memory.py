"""The memory meter's arithmetic, checked against hand-computed values."""

from epochviz.core.memory import IMAGE_NETWORKS, format_bytes, iteration_memory, largest_batch, mlp_shape


def test_mlp_iteration_memory_by_hand():
    # 2-16-16-3 at B = 100, float32:
    # inputs 100 x 2 x 4 = 800; activations 100 x (16 + 16 + 3) x 4 = 14,000, and as much again
    # for their gradients; weights 2*16+16 + 16*16+16 + 16*3+3 = 371 floats = 1,484 bytes, twice.
    m = iteration_memory(mlp_shape((2, 16, 16, 3)), 100)
    assert (m.inputs, m.activations, m.activation_gradients) == (800, 14_000, 14_000)
    assert (m.parameters, m.parameter_gradients) == (1_484, 1_484)
    assert m.total == 800 + 28_000 + 2_968


def test_vgg16_has_its_published_parameter_count():
    assert IMAGE_NETWORKS["vgg16"].parameters == 138_357_544


def test_memory_grows_linearly_with_the_batch():
    shape = IMAGE_NETWORKS["vgg16"]
    one, two = iteration_memory(shape, 1), iteration_memory(shape, 2)
    assert two.per_batch == 2 * one.per_batch
    assert two.parameters == one.parameters


def test_largest_batch_is_the_last_that_fits():
    shape = IMAGE_NETWORKS["vgg16"]
    budget = 8 * 10**9
    most = largest_batch(shape, budget)
    assert iteration_memory(shape, most).total <= budget < iteration_memory(shape, most + 1).total
    assert largest_batch(shape, 10**6) == 0


def test_bytes_read_in_decimal_units():
    assert format_bytes(999) == "999 B"
    assert format_bytes(1_500_000) == "1.5 MB"
    assert format_bytes(8 * 10**9) == "8.0 GB"
