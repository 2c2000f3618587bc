# R's helpers around keras: column-major arrays, 1-based indices, strings
m <- matrix(1:6, nrow = 2)
m
m[2, 3]
m[, 2]
m[-1, ]
a <- array(1:24, dim = c(2, 3, 4))
a[2, 1, 3]
dim(a)
nrow(a)
v <- c(10, 20, 30, 40, 50)
v[2:4]
v[-1]
v[c(1, 5)]
v[v > 25]
length(v)
which.max(v)
which(v >= 30)
rev(v)
sum(v) / length(v)
mean(v)
round(3.14159, 2)
rep(1:2, times = 3)
rep(c(1, 2), each = 2)
seq(2, 10, by = 2)
seq_len(4)
paste("epoch", 3, "of", 10)
paste0("layer_", 1)
sprintf("loss: %.3f", 0.12345)
cat("done", "\n")
max(v)
x <- list(a = 1, b = "two")
x$a
x[["b"]]
names(x)
is.null(x$c)
