"""Tests of lms.h5p: checking and storing H5P packages."""
