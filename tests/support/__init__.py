"""What the tests share: paths, fixtures' building blocks and readers of written files. Test
modules import from here and never from one another."""
